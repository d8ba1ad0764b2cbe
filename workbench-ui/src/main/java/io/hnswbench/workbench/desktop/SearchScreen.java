package io.hnswbench.workbench.desktop;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.TextEmbedder;
import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.SearchOptions;
import io.hnswbench.engine.SearchResult;
import io.hnswbench.workbench.DatasetService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The query explorer: one query (of the dataset's query set, or a text the user types) searched in
 * the workspace's index with a chosen k and efSearch, its results beside its exact neighbours, each
 * result marked as a true neighbour or not, with the query's recall@k and the search's latency.
 * Any change of k, efSearch or query searches again at once: a search of an index takes
 * microseconds and runs on the FX thread, while embedding a text and finding exact neighbours by
 * brute force run as jobs.
 */
@Component
@Order(4)
class SearchScreen implements Screen {

    static final String NO_INDEX = "Build an index on the Build tab, or load one on the Graph tab";

    private static final int DEFAULT_K = 10;
    private static final int MAX_K = 1000;
    private static final int DEFAULT_EF = 64;
    /**
     * Times of one query vary by ten times between a first search (cold caches, code not yet
     * compiled) and the next; the median of a few searches is what the search costs.
     */
    private static final int TIMED_SEARCHES = 5;
    private static final String EF_CHOICE = "search.ef";
    private static final String QUERY_CHOICE = "search.query";

    /** Where the query comes from. */
    enum Source {
        SET("A query of the dataset"),
        TEXT("A text you type");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Exact neighbours wanted: of which query, how many. */
    private record ExactRequest(SearchQuery query, int k) {
    }

    /** The last search of the index (its median time), kept to mark its results when the exact neighbours arrive. */
    private record IndexAnswer(ExactRequest request, int ef, List<SearchResult> hits, long nanos) {
    }

    /** A typed text's job result: the embedded query and its exact neighbours. */
    private record TypedQuery(SearchQuery query, int k, ExactTopK exact) {
    }

    private final Workspace workspace;
    private final DatasetService datasets;
    private final Jobs jobs;
    private final UserChoices choices;

    private Form form;
    private Field<Integer> kField;
    private Slider efSlider;
    private Label efValue;
    private ChoiceBox<Source> source;
    private Spinner<Integer> queryNumber;
    private Label queryText;
    private Field<String> typedText;
    private Label hint;
    private Label indexLabel;
    private Label recallLabel;
    private Label latencyLabel;
    private Label message;
    private Label exactHeading;
    private NeighbourTable results;
    private NeighbourTable exactTable;
    private JobPanel panel;

    private SearchQuery setQuery;
    private SearchQuery typedQuery;
    private IndexAnswer answer;
    private ExactRequest exactFor;
    private ExactTopK exact;
    /** Exact neighbours whose job failed or was cancelled by the user: not retried until the request changes. */
    private ExactRequest abandoned;
    /** The running job, or null; {@code jobRequest} is what it computes, null for a typed text. */
    private JobTask<?> job;
    private ExactRequest jobRequest;

    public SearchScreen(Workspace workspace, DatasetService datasets, Jobs jobs, UserChoices choices) {
        this.workspace = workspace;
        this.datasets = datasets;
        this.jobs = jobs;
        this.choices = choices;
    }

    @Override
    public String title() {
        return "Search";
    }

    @Override
    public Node content() {
        Label title = new Label("Search");
        title.getStyleClass().add("heading");
        hint = new Label(NO_INDEX);
        hint.setId("search-hint");
        hint.getStyleClass().add("hint");
        hint.managedProperty().bind(hint.visibleProperty());
        indexLabel = new Label();
        indexLabel.setId("search-index");

        form = new Form(choices, "search");
        kField = form.integer("k", "k", DEFAULT_K, 1, MAX_K);
        kField.input().setMaxWidth(Region.USE_PREF_SIZE);
        efSlider = new Slider(0, EfScale.lastPosition(), EfScale.positionOf(choices.getDouble(EF_CHOICE, DEFAULT_EF)));
        efSlider.setId("search-ef");
        efSlider.setMajorTickUnit(1);
        efSlider.setMinorTickCount(0);
        efSlider.setSnapToTicks(true);
        efSlider.setBlockIncrement(1);
        efSlider.setShowTickMarks(true);
        efSlider.setPrefWidth(360);
        efValue = new Label();
        efValue.setId("search-ef-value");
        addRow("efSearch", efSlider, efValue);
        source = form.choice("Search with", "source", List.of(Source.values()), Source.SET, Source::label);
        queryNumber = new Spinner<>();
        queryNumber.setId("search-query");
        queryNumber.setEditable(true);
        queryNumber.setPrefWidth(110);
        queryText = new Label();
        queryText.setId("search-query-text");
        queryText.setWrapText(true);
        queryText.setMaxWidth(820);
        queryText.setMinHeight(Region.USE_PREF_SIZE);
        addRow("Query number", queryNumber, new Label());
        // The query's text is long: it gets a row of its own under the number, across both columns.
        form.add(queryText, 1, form.getRowCount(), 2, 1);
        typedText = form.text("Text", "text", "", text -> text);
        typedText.input().setPrefColumnCount(40);
        typedText.input().setOnAction(_ -> searchTypedText());
        Button embed = new Button("Embed and search");
        embed.setId("search-run-text");
        embed.setOnAction(_ -> searchTypedText());
        form.row("", embed);
        panel = new JobPanel("search");
        queryNumber.disableProperty().bind(source.valueProperty().isNotEqualTo(Source.SET));
        typedText.input().disableProperty().bind(source.valueProperty().isNotEqualTo(Source.TEXT));
        embed.disableProperty().bind(source.valueProperty().isNotEqualTo(Source.TEXT).or(panel.runningProperty()));

        recallLabel = new Label();
        recallLabel.setId("search-recall");
        recallLabel.getStyleClass().add("figure");
        recallLabel.setTooltip(new Tooltip("The share of the exact k nearest that the index returned; a result as near "
                + "as the k-th exact neighbour counts as found (a tie), as sweeps count recall"));
        latencyLabel = new Label();
        latencyLabel.setId("search-latency");
        latencyLabel.getStyleClass().add("figure");
        message = new Label();
        message.setId("search-message");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        HBox figures = new HBox(32, recallLabel, latencyLabel);

        results = new NeighbourTable("search-results", true, "No results yet");
        exactTable = new NeighbourTable("search-exact", false, "No exact neighbours yet");
        Label resultsHeading = new Label("Results of the index");
        resultsHeading.getStyleClass().add("heading");
        exactHeading = new Label("Exact neighbours");
        exactHeading.setId("search-exact-heading");
        exactHeading.getStyleClass().add("heading");
        VBox resultsSide = new VBox(4, resultsHeading, results);
        VBox exactSide = new VBox(4, exactHeading, exactTable);
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox.setVgrow(exactTable, Priority.ALWAYS);
        SplitPane tables = new SplitPane(resultsSide, exactSide);
        tables.setDividerPositions(0.55);

        VBox screen = new VBox(10, title, hint, indexLabel, form, panel, figures, message, tables);
        VBox.setVgrow(tables, Priority.ALWAYS);
        screen.getStyleClass().add("screen");

        kField.input().textProperty().addListener((_, _, _) -> {
            if (form.check()) {
                form.remember();
            }
            refresh();
        });
        efSlider.valueProperty().addListener((_, before, now) -> {
            if (EfScale.efAt(before.doubleValue()) != EfScale.efAt(now.doubleValue())) {
                choices.put(EF_CHOICE, EfScale.efAt(now.doubleValue()));
                refresh();
            }
        });
        source.valueProperty().addListener((_, _, _) -> {
            form.remember();
            refresh();
        });
        queryNumber.valueProperty().addListener((_, _, row) -> querySetRowChosen(row));
        workspace.indexProperty().addListener((_, _, _) -> refresh());
        workspace.datasetProperty().addListener((_, _, open) -> datasetChanged(open));
        datasetChanged(workspace.dataset());
        return screen;
    }

    /** A form row with something beside the control (the slider's value, the query's text). */
    private void addRow(String caption, Control control, Node beside) {
        Label label = new Label(caption);
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        form.addRow(form.getRowCount(), label, control, beside);
    }

    /** A new dataset: its query set, whether texts can be typed; exact neighbours found so far are void. */
    private void datasetChanged(Workspace.OpenDataset open) {
        dropJob();
        panel.idle();
        exactFor = null;
        exact = null;
        abandoned = null;
        typedQuery = null;
        setQuery = null;
        answer = null;
        if (open == null) {
            queryNumber.setValueFactory(null);
            refresh();
            return;
        }
        Dataset dataset = open.dataset();
        int queries = dataset.queries().rows();
        int remembered = (int) choices.getDouble(QUERY_CHOICE, 0);
        SpinnerValueFactory.IntegerSpinnerValueFactory rows = new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                Math.max(0, queries - 1), Math.clamp(remembered, 0, Math.max(0, queries - 1)));
        rows.setConverter(new LenientNumber(rows));
        // Setting the factory fires the value listener, which reads setQuery; so the query goes first.
        setQuery = queries == 0 ? null : SearchQuery.fromSet(dataset, rows.getValue());
        queryNumber.setValueFactory(rows);
        boolean textsUsable = dataset.baseTexts().isPresent() && dataset.dimension() == TextEmbedder.DIMENSION;
        source.setDisable(!textsUsable);
        if (!textsUsable) {
            source.setValue(Source.SET);
        }
        typedText.input().setPromptText(textsUsable ? "Type a text, then press Enter"
                : "This dataset has no texts embedded with " + TextEmbedder.MODEL + " to search by");
        refresh();
    }

    private void querySetRowChosen(Integer row) {
        Workspace.OpenDataset open = workspace.dataset();
        if (open == null || row == null || open.dataset().queries().rows() == 0) {
            return;
        }
        if (setQuery == null || setQuery.setRow() != row) {
            setQuery = SearchQuery.fromSet(open.dataset(), row);
            choices.put(QUERY_CHOICE, row);
        }
        refresh();
    }

    /** Searches the index again with the current k, efSearch and query, and shows what it found. */
    private void refresh() {
        Workspace.ActiveIndex active = workspace.index();
        Workspace.OpenDataset open = workspace.dataset();
        boolean ready = active != null && open != null;
        hint.setVisible(!ready);
        form.setDisable(!ready);
        int ef = EfScale.efAt(efSlider.getValue());
        efValue.setText(String.valueOf(ef));
        SearchQuery query = source.getValue() == Source.TEXT ? typedQuery : setQuery;
        queryText.setText(open == null ? "" : describe(query, open.dataset()));
        if (!ready) {
            indexLabel.setText("");
            clearAnswer("");
            return;
        }
        Dataset dataset = open.dataset();
        HnswIndex index = active.index();
        indexLabel.setText(String.format("Index: %s · %,d vectors", active.origin(), index.size()));
        if (index.dimension() != dataset.dimension()) {
            form.setDisable(true);
            clearAnswer(String.format("The index holds %d-dimensional vectors but %s has %d dimensions: build an "
                    + "index on this dataset on the Build tab", index.dimension(), dataset.name(), dataset.dimension()));
            return;
        }
        if (!form.check()) {
            message.setText("The results shown are those of the last valid k");
            return;
        }
        int k = kField.value();
        if (ef < k) {
            efValue.setText(ef + " (the search widens its beam to k = " + k + ")");
        }
        if (query == null) {
            clearAnswer(source.getValue() == Source.TEXT ? "Type a text and press Enter to search for it"
                    : dataset.name() + " has no query vectors: search with a text instead");
            return;
        }
        List<SearchResult> hits = List.of();
        long[] nanos = new long[TIMED_SEARCHES];
        try {
            for (int run = 0; run < TIMED_SEARCHES; run++) {
                long started = System.nanoTime();
                hits = index.search(query.vector(), k, SearchOptions.ef(ef));
                nanos[run] = System.nanoTime() - started;
            }
        } catch (IllegalArgumentException | IllegalStateException refused) {
            clearAnswer("The index refused the query: " + refused.getMessage());
            return;
        }
        Arrays.sort(nanos);
        answer = new IndexAnswer(new ExactRequest(query, k), ef, hits, nanos[TIMED_SEARCHES / 2]);
        message.setText(index.metric() == dataset.metric() ? "" : String.format("The index measures %s distances but "
                + "the dataset is meant for %s: its exact neighbours are by %s", lower(index.metric()),
                lower(dataset.metric()), lower(dataset.metric())));
        findExact(answer.request(), dataset);
        showAnswer(dataset);
    }

    private static String describe(SearchQuery query, Dataset dataset) {
        if (query == null) {
            return "";
        }
        if (!query.fromSet()) {
            return "“" + query.text() + "”";
        }
        String number = String.format("Row %,d of the %,d queries", query.setRow(), dataset.queries().rows());
        return query.text().isEmpty() ? number : number + ": " + query.text();
    }

    /**
     * Makes the exact neighbours of {@code request} known: at once when they are kept or in the
     * dataset's ground truth, else by a brute-force job (whose end shows them).
     */
    private void findExact(ExactRequest request, Dataset dataset) {
        if (request.equals(exactFor)) {
            return;
        }
        SearchQuery query = request.query();
        if (query.fromSet() && ExactTopK.groundTruthCovers(dataset, request.k())) {
            keepExact(request, ExactTopK.fromGroundTruth(dataset, query.setRow(), request.k()));
            return;
        }
        if (request.equals(abandoned) || request.equals(jobRequest)) {
            return;
        }
        if (job != null && jobRequest == null) {
            // A typed text is being embedded; when it is, the screen searches again and asks anew.
            return;
        }
        dropJob();
        startExactJob(request, dataset);
    }

    private void keepExact(ExactRequest request, ExactTopK neighbours) {
        exactFor = request;
        exact = neighbours;
    }

    private void startExactJob(ExactRequest request, Dataset dataset) {
        JobTask<ExactTopK> task = new JobTask<>() {
            @Override
            protected ExactTopK call() throws InterruptedException {
                say(String.format("Finding the %d exact neighbours by brute force over %,d vectors", request.k(),
                        dataset.base().rows()));
                ExactTopK found = ExactTopK.bruteForce(dataset, request.query().vector(), request.k(),
                        (stage, done, total) -> progress("Finding the exact neighbours: " + stage, done, total));
                say(String.format("Found the %d exact neighbours by brute force", found.depth()));
                return found;
            }

            @Override
            protected void succeeded() {
                if (job == this) {
                    forgetJob();
                    keepExact(request, getValue());
                    showAnswer(dataset);
                }
            }

            @Override
            protected void failed() {
                abandon(this, request, dataset);
            }

            @Override
            protected void cancelled() {
                abandon(this, request, dataset);
            }
        };
        job = task;
        jobRequest = request;
        jobs.start(task, panel);
    }

    /** A job ended without a result (the user cancelled it, or it failed): its request is not retried. */
    private void abandon(JobTask<?> ended, ExactRequest request, Dataset dataset) {
        if (job == ended) {
            forgetJob();
            abandoned = request;
            showAnswer(dataset);
        }
    }

    /** Embeds the typed text and finds its exact neighbours in a job, then searches for it. */
    private void searchTypedText() {
        Workspace.OpenDataset open = workspace.dataset();
        String text = typedText.value().strip();
        if (open == null || workspace.index() == null || source.getValue() != Source.TEXT) {
            return;
        }
        if (text.isEmpty()) {
            message.setText("Type a text to search for first");
            return;
        }
        if (!form.check()) {
            return;
        }
        form.remember();
        int k = kField.value();
        Dataset dataset = open.dataset();
        JobTask<TypedQuery> task = new JobTask<>() {
            @Override
            protected TypedQuery call() throws InterruptedException {
                say("Embedding the text with " + TextEmbedder.MODEL + " (the model loads on first use)");
                SearchQuery query = SearchQuery.typed(text, datasets.embedder().embed(text));
                if (isCancelled()) {
                    throw new InterruptedException("cancelled after embedding");
                }
                say(String.format("Finding the %d exact neighbours by brute force over %,d vectors", k,
                        dataset.base().rows()));
                ExactTopK found = ExactTopK.bruteForce(dataset, query.vector(), k,
                        (stage, done, total) -> progress("Finding the exact neighbours: " + stage, done, total));
                say("Embedded the text and found its exact neighbours");
                return new TypedQuery(query, k, found);
            }

            @Override
            protected void succeeded() {
                if (job == this) {
                    forgetJob();
                    typedQuery = getValue().query();
                    keepExact(new ExactRequest(typedQuery, getValue().k()), getValue().exact());
                    refresh();
                }
            }

            @Override
            protected void failed() {
                if (job == this) {
                    forgetJob();
                    message.setText("Could not search for the text: " + Problems.describe(getException()));
                }
            }

            @Override
            protected void cancelled() {
                if (job == this) {
                    forgetJob();
                }
            }
        };
        dropJob();
        job = task;
        jobRequest = null;
        jobs.start(task, panel);
    }

    private void forgetJob() {
        job = null;
        jobRequest = null;
    }

    /** Cancels the running job, whose result is no longer wanted (the screen forgets it first, so it is not marked abandoned). */
    private void dropJob() {
        JobTask<?> obsolete = job;
        forgetJob();
        if (obsolete != null) {
            obsolete.cancel(true);
        }
    }

    /** Shows the last search's results, marked against the exact neighbours when they are known. */
    private void showAnswer(Dataset dataset) {
        if (answer == null) {
            return;
        }
        int k = answer.request().k();
        ExactTopK truth = answer.request().equals(exactFor) ? exact : null;
        Optional<List<String>> texts = dataset.baseTexts();
        List<Neighbour> rows = new ArrayList<>();
        int[] resultRows = new int[answer.hits().size()];
        float[] resultDistances = new float[answer.hits().size()];
        for (int rank = 0; rank < answer.hits().size(); rank++) {
            SearchResult hit = answer.hits().get(rank);
            int row = Workspace.ActiveIndex.rowOf(hit.id(), dataset);
            resultRows[rank] = row;
            resultDistances[rank] = hit.distance();
            Neighbour.Match match = truth == null ? Neighbour.Match.UNKNOWN
                    : truth.lists(row) ? Neighbour.Match.TRUE
                    : truth.counts(row, hit.distance()) ? Neighbour.Match.TIE : Neighbour.Match.FALSE;
            rows.add(new Neighbour(rank + 1, hit.id(), hit.distance(), textOf(row, texts), match));
        }
        results.show(rows);
        latencyLabel.setText(String.format("Latency: %,.1f µs (median of %d searches; efSearch %d, k %d, %d results)",
                answer.nanos() / 1e3, TIMED_SEARCHES, answer.ef(), k, answer.hits().size()));
        if (truth == null) {
            // A job running now either computes these or (a typed text's) is followed by a search that asks for them.
            boolean pending = job != null;
            recallLabel.setText("Recall@" + k + ": " + (pending ? "finding the exact neighbours…"
                    : "unknown (the exact neighbours were not found)"));
            exactHeading.setText("Exact neighbours");
            exactTable.show(List.of());
            return;
        }
        recallLabel.setText(recallText(k, truth.recall(resultRows, resultDistances), truth.depth()));
        exactHeading.setText("Exact neighbours (" + truth.source() + ")");
        List<Neighbour> exactRows = new ArrayList<>();
        for (int rank = 0; rank < truth.depth(); rank++) {
            int row = truth.row(rank);
            exactRows.add(new Neighbour(rank + 1, String.valueOf(row), truth.distance(rank), textOf(row, texts), null));
        }
        exactTable.show(exactRows);
    }

    /** How the recall of one query reads, e.g. "Recall@10: 0.90 (9 of 10 exact neighbours found)". */
    static String recallText(int k, double recall, int depth) {
        return String.format("Recall@%d: %.2f (%d of %d exact neighbours found)", k, recall,
                Math.round(recall * depth), depth);
    }

    private static String textOf(int row, Optional<List<String>> texts) {
        return row < 0 ? "" : texts.map(all -> all.get(row)).orElse("");
    }

    private void clearAnswer(String why) {
        answer = null;
        results.show(List.of());
        exactTable.show(List.of());
        exactHeading.setText("Exact neighbours");
        recallLabel.setText("");
        latencyLabel.setText("");
        message.setText(why);
    }

    /** Reads a typed query number; text that is no number leaves the spinner where it was. */
    private static final class LenientNumber extends StringConverter<Integer> {

        private final SpinnerValueFactory<Integer> factory;

        LenientNumber(SpinnerValueFactory<Integer> factory) {
            this.factory = factory;
        }

        @Override
        public String toString(Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException notANumber) {
                return factory.getValue();
            }
        }
    }

    private static String lower(io.hnswbench.engine.Metric metric) {
        return metric.name().toLowerCase(java.util.Locale.ROOT);
    }
}
