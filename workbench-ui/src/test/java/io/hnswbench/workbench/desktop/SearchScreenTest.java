package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.datasets.Dataset;
import io.hnswbench.datasets.ExactNeighbors;
import io.hnswbench.datasets.GroundTruth;
import io.hnswbench.datasets.ProgressListener;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.SearchOptions;
import io.hnswbench.engine.SearchResult;
import io.hnswbench.reports.sweep.Recall;
import io.hnswbench.workbench.DatasetService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Search screen on the bundled sample, with an index the test builds itself. */
class SearchScreenTest {

    @TempDir
    Path home;

    private DesktopHarness workbench;
    private Workspace workspace;
    private Dataset sample;

    @BeforeEach
    void openTheSearchTab() throws Exception {
        workbench = DesktopHarness.open(home);
        workbench.select("Search");
        workspace = workbench.bean(Workspace.class);
        sample = workspace.dataset().dataset();
    }

    @AfterEach
    void close() throws Exception {
        workbench.close();
    }

    @Test
    void withoutAnIndexTheControlsAreDisabledAndTheHintSaysWhereToGetOne() throws Exception {
        Label hint = workbench.node("search-hint");
        assertTrue(workbench.onFx(() -> workbench.node("search-k").isDisabled()));
        assertTrue(workbench.onFx(() -> workbench.node("search-ef").isDisabled()));
        assertTrue(workbench.onFx(hint::isVisible));
        assertEquals(SearchScreen.NO_INDEX, hint.getText());

        indexTheSample();
        assertFalse(workbench.onFx(() -> workbench.node("search-k").isDisabled()));
        assertFalse(workbench.onFx(hint::isVisible));
        assertFalse(results().isEmpty(), "an index searches the chosen query at once");

        workbench.fx(() -> workspace.setIndex(null));
        assertTrue(workbench.onFx(() -> workbench.node("search-k").isDisabled()));
        assertTrue(workbench.onFx(hint::isVisible));
        assertTrue(results().isEmpty(), "the results of a closed index are gone");
    }

    @Test
    void aQueryOfTheSetShowsTheIndexResultsMarkedAgainstTheGroundTruth() throws Exception {
        HnswIndex index = indexTheSample();
        setK("10");
        chooseQuery(3);
        chooseQuery(0);
        int ef = shownEf();

        List<Neighbour> rows = results();
        List<SearchResult> expected = index.search(sample.queries().row(0), 10, SearchOptions.ef(ef));
        assertEquals(10, rows.size());
        assertSameHits(expected, rows);
        GroundTruth truth = sample.groundTruth().orElseThrow();
        assertMarksFollowTheGroundTruth(rows, truth, 0, 10);
        for (Neighbour row : rows) {
            assertEquals(sample.baseTexts().orElseThrow().get(Integer.parseInt(row.id())), row.text());
        }
        assertEquals(SearchScreen.recallText(10, recallOf(expected, truth, 0, 10), 10), label("search-recall"));
        assertTrue(label("search-latency").contains("efSearch " + ef + ","), label("search-latency"));
        assertTrue(label("search-query-text").contains(sample.queryTexts().orElseThrow().get(0)));

        List<Neighbour> exact = workbench.onFx(() -> List.copyOf(workbench.<NeighbourTable>node("search-exact").getItems()));
        assertEquals(10, exact.size());
        for (int rank = 0; rank < 10; rank++) {
            assertEquals(String.valueOf(truth.ids().get(0, rank)), exact.get(rank).id());
            assertEquals(truth.distances().orElseThrow().data()[rank], exact.get(rank).distance());
        }
        assertTrue(label("search-exact-heading").contains("ground truth"), label("search-exact-heading"));
    }

    @Test
    void movingTheEfSliderSearchesAgainWithTheNewEf() throws Exception {
        HnswIndex index = indexTheSample();
        GroundTruth truth = sample.groundTruth().orElseThrow();
        // A query the narrowest search gets partly wrong, so that the marks show misses too.
        int query = IntStream.range(0, sample.queries().rows())
                .filter(row -> recallOf(index.search(sample.queries().row(row), 10, SearchOptions.ef(4)), truth, row, 10) < 1)
                .findFirst().orElseThrow();
        setK("10");
        chooseQuery(query);

        setEf(4);
        assertEquals("4 (the search widens its beam to k = 10)", label("search-ef-value"));
        List<SearchResult> narrow = index.search(sample.queries().row(query), 10, SearchOptions.ef(4));
        assertSameHits(narrow, results());
        assertMarksFollowTheGroundTruth(results(), truth, query, 10);
        assertTrue(results().stream().anyMatch(row -> row.match() == Neighbour.Match.FALSE), "a miss is marked");
        assertTrue(label("search-latency").contains("efSearch 4,"), label("search-latency"));
        assertEquals(SearchScreen.recallText(10, recallOf(narrow, truth, query, 10), 10), label("search-recall"));

        setEf(512);
        assertEquals("512", label("search-ef-value"));
        List<SearchResult> wide = index.search(sample.queries().row(query), 10, SearchOptions.ef(512));
        assertSameHits(wide, results());
        assertMarksFollowTheGroundTruth(results(), truth, query, 10);
        assertTrue(label("search-latency").contains("efSearch 512,"), label("search-latency"));
        double recallAtWide = recallOf(wide, truth, query, 10);
        assertEquals(SearchScreen.recallText(10, recallAtWide, 10), label("search-recall"));
        assertTrue(recallAtWide >= recallOf(narrow, truth, query, 10), "a wider beam finds no fewer true neighbours");
        assertTrue(recallAtWide >= 0.9, "efSearch 512 on 4,000 vectors finds nearly all: " + recallAtWide);
    }

    @Test
    void aKBeyondTheGroundTruthHasItsExactNeighboursFoundByBruteForce() throws Exception {
        HnswIndex index = indexTheSample();
        chooseQuery(2);
        setK("150");
        workbench.awaitJobs();

        float[] query = sample.queries().row(2);
        GroundTruth bruteForce = ExactNeighbors.compute(sample.base(), VectorMatrix.of(query), sample.metric(), 150, 1,
                ProgressListener.NONE);
        List<Neighbour> exact = workbench.onFx(() -> List.copyOf(workbench.<NeighbourTable>node("search-exact").getItems()));
        assertEquals(150, exact.size());
        for (int rank = 0; rank < 150; rank++) {
            assertEquals(String.valueOf(bruteForce.ids().get(0, rank)), exact.get(rank).id());
        }
        List<SearchResult> expected = index.search(query, 150, SearchOptions.ef(shownEf()));
        assertSameHits(expected, results());
        assertTrue(results().stream().noneMatch(row -> row.match() == Neighbour.Match.UNKNOWN));
        assertEquals(SearchScreen.recallText(150, recallOf(expected, bruteForce, 0, 150), 150), label("search-recall"));
        assertTrue(label("search-exact-heading").contains("brute force"), label("search-exact-heading"));
    }

    @Test
    void aBadKShowsAMessageBesideTheFieldAndKeepsTheLastResults() throws Exception {
        indexTheSample();
        setK("10");
        chooseQuery(1);
        List<Neighbour> before = results();
        String recallBefore = label("search-recall");

        for (String bad : List.of("0", "ten", "")) {
            setK(bad);
            assertTrue(label("search-k-problem").contains("k must be a whole number from 1 to 1000"),
                    "k '" + bad + "': " + label("search-k-problem"));
            assertEquals(before, results());
            assertEquals(recallBefore, label("search-recall"));
            assertTrue(label("search-message").contains("last valid k"), label("search-message"));
        }

        setK("5");
        assertEquals("", label("search-k-problem"));
        assertEquals(5, results().size());
    }

    @Test
    void aTypedTextIsEmbeddedAndSearchedWithTheTextsOfItsResults() throws Exception {
        HnswIndex index = indexTheSample();
        setK("10");
        String text = "compress and decompress files quickly";
        ChoiceBox<SearchScreen.Source> source = workbench.node("search-source");
        workbench.fx(() -> source.setValue(SearchScreen.Source.TEXT));
        assertTrue(label("search-message").contains("Type a text"), label("search-message"));
        workbench.fx(() -> workbench.<TextField>node("search-text").setText(text));
        workbench.fx(() -> workbench.<Button>node("search-run-text").fire());
        workbench.awaitJobs();

        float[] embedded = workbench.bean(DatasetService.class).embedder().embed(text);
        List<SearchResult> expected = index.search(embedded, 10, SearchOptions.ef(shownEf()));
        List<Neighbour> rows = results();
        assertSameHits(expected, rows);
        List<String> baseTexts = sample.baseTexts().orElseThrow();
        for (Neighbour row : rows) {
            assertFalse(row.text().isBlank(), "row " + row);
            assertEquals(baseTexts.get(Integer.parseInt(row.id())), row.text());
            assertNotEquals(Neighbour.Match.UNKNOWN, row.match());
        }
        GroundTruth bruteForce = ExactNeighbors.compute(sample.base(), VectorMatrix.of(embedded), sample.metric(), 10, 1,
                ProgressListener.NONE);
        List<Neighbour> exact = workbench.onFx(() -> List.copyOf(workbench.<NeighbourTable>node("search-exact").getItems()));
        assertEquals(IntStream.of(bruteForce.ids().row(0)).mapToObj(String::valueOf).toList(),
                exact.stream().map(Neighbour::id).toList());
        assertTrue(exact.stream().allMatch(row -> row.text().equals(baseTexts.get(Integer.parseInt(row.id())))));
        assertEquals(SearchScreen.recallText(10, recallOf(expected, bruteForce, 0, 10), 10), label("search-recall"));
        assertTrue(label("search-query-text").contains(text), label("search-query-text"));

        // A new k for the same text needs new exact neighbours, found by a brute-force job.
        setK("20");
        workbench.awaitJobs();
        assertEquals(20, results().size());
        assertEquals(20, workbench.onFx(() -> workbench.<NeighbourTable>node("search-exact").getItems().size()));
    }

    /** Builds an index of the sample as the brief's Build tab would, and makes it the workspace's. */
    private HnswIndex indexTheSample() {
        HnswIndex index = HnswIndex.builder(sample.dimension()).metric(sample.metric()).m(16).efConstruction(100)
                .build();
        List<String> ids = IntStream.range(0, sample.base().rows()).mapToObj(String::valueOf).toList();
        index.addAll(ids, sample.base().data(), 2);
        workbench.fx(() -> workspace.setIndex(new Workspace.ActiveIndex(index, "test", null, index.statistics(), null)));
        return index;
    }

    private void setK(String k) {
        TextField field = workbench.node("search-k");
        workbench.fx(() -> field.setText(k));
    }

    private void chooseQuery(int row) {
        Spinner<Integer> spinner = workbench.node("search-query");
        workbench.fx(() -> spinner.getValueFactory().setValue(row));
    }

    private void setEf(int ef) {
        Slider slider = workbench.node("search-ef");
        workbench.fx(() -> slider.setValue(EfScale.positionOf(ef)));
        assertEquals(ef, shownEf(), "the slider stops at " + ef);
    }

    private int shownEf() {
        Slider slider = workbench.node("search-ef");
        return EfScale.efAt(slider.getValue());
    }

    private List<Neighbour> results() throws Exception {
        return workbench.onFx(() -> List.copyOf(workbench.<NeighbourTable>node("search-results").getItems()));
    }

    private String label(String id) throws Exception {
        return workbench.onFx(() -> workbench.<Label>node(id).getText());
    }

    private static void assertSameHits(List<SearchResult> expected, List<Neighbour> rows) {
        assertEquals(expected.size(), rows.size());
        for (int rank = 0; rank < expected.size(); rank++) {
            assertEquals(rank + 1, rows.get(rank).rank());
            assertEquals(expected.get(rank).id(), rows.get(rank).id(), "rank " + (rank + 1));
            assertEquals(expected.get(rank).distance(), rows.get(rank).distance(), "rank " + (rank + 1));
        }
    }

    /**
     * Each result is marked "yes" exactly when the ground truth lists it among the k nearest, and
     * "tie" only when it is as near as the k-th.
     */
    private static void assertMarksFollowTheGroundTruth(List<Neighbour> rows, GroundTruth truth, int query, int k) {
        List<Integer> trueNeighbours = Arrays.stream(truth.ids().row(query)).limit(k).boxed().toList();
        float kthDistance = truth.distances().orElseThrow().data()[query * truth.k() + k - 1];
        for (Neighbour row : rows) {
            if (trueNeighbours.contains(Integer.parseInt(row.id()))) {
                assertEquals(Neighbour.Match.TRUE, row.match(), "row " + row);
            } else {
                assertNotEquals(Neighbour.Match.TRUE, row.match(), "row " + row);
                assertEquals(row.match() == Neighbour.Match.TIE, Math.abs(row.distance() - kthDistance) < 1e-5,
                        "a tie is as near as the k-th exact neighbour: " + row);
            }
        }
    }

    /** Recall as sweeps count it, against the whole ground truth (not the screen's copy of one row). */
    private static double recallOf(List<SearchResult> hits, GroundTruth truth, int query, int k) {
        int[] rows = hits.stream().mapToInt(hit -> Integer.parseInt(hit.id())).toArray();
        float[] distances = new float[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            distances[i] = hits.get(i).distance();
        }
        return Recall.of(rows, distances, hits.size(), truth, query, k);
    }
}
