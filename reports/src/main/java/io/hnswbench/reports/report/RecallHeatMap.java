package io.hnswbench.reports.report;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepPoint;
import io.hnswbench.reports.SweepResults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * For one engine on one dataset, over M × efConstruction: the smallest efSearch whose recall
 * reaches a target. It shows how much search effort each build setting needs; a cell that is
 * "not reached" says that no efSearch of the grid was enough.
 *
 * <p>The axes hold the planned grid (from the sweeps' parameters) as well as every value a run was
 * built with, so a cancelled sweep shows its unbuilt cells as {@link Status#NOT_RUN}. When several
 * runs share a cell (merged sweeps), the cell keeps the smallest efSearch any of them needed.
 */
public final class RecallHeatMap {

    /** What a cell says. */
    public enum Status {
        /** Some efSearch reached the target; the cell holds the smallest. */
        REACHED,
        /** The index was built and searched, but no efSearch reached the target. */
        NOT_REACHED,
        /** No run was built with this (M, efConstruction). */
        NOT_RUN
    }

    /**
     * One (M, efConstruction).
     *
     * @param efSearch when reached, the smallest efSearch that reached the target; when not reached,
     *                 the efSearch that came closest; 0 when not run
     * @param recall   the recall measured at {@code efSearch}
     * @param qps      the queries per second measured at {@code efSearch}
     */
    public record Cell(Status status, int efSearch, double recall, double qps) {

        static final Cell NOT_RUN = new Cell(Status.NOT_RUN, 0, Double.NaN, Double.NaN);

        /** The better of two runs' answers for the same cell. */
        Cell better(Cell other) {
            if (status != other.status) {
                return status.ordinal() < other.status.ordinal() ? this : other;
            }
            return switch (status) {
                case REACHED -> efSearch < other.efSearch || efSearch == other.efSearch && recall >= other.recall
                        ? this : other;
                case NOT_REACHED -> recall >= other.recall ? this : other;
                case NOT_RUN -> this;
            };
        }
    }

    private record Key(int m, int efConstruction) {
    }

    private final String engine;
    private final double targetRecall;
    private final List<Integer> mValues;
    private final List<Integer> efConstructionValues;
    private final List<Integer> efSearchValues;
    private final Map<Key, Cell> cells;

    private RecallHeatMap(String engine, double targetRecall, List<Integer> mValues,
                          List<Integer> efConstructionValues, List<Integer> efSearchValues, Map<Key, Cell> cells) {
        this.engine = engine;
        this.targetRecall = targetRecall;
        this.mValues = List.copyOf(mValues);
        this.efConstructionValues = List.copyOf(efConstructionValues);
        this.efSearchValues = List.copyOf(efSearchValues);
        this.cells = Map.copyOf(cells);
    }

    /**
     * One heat map per engine of {@code sweeps} (in the order engines first appear). Callers pass
     * sweeps of one dataset.
     */
    public static List<RecallHeatMap> of(List<SweepResults> sweeps, double targetRecall) {
        Set<String> engines = new LinkedHashSet<>();
        for (SweepResults sweep : sweeps) {
            if (sweep.parameters() != null) {
                engines.addAll(sweep.parameters().engines());
            }
            sweep.runs().forEach(run -> engines.add(run.engine()));
        }
        List<RecallHeatMap> maps = new ArrayList<>();
        for (String engine : engines) {
            maps.add(forEngine(sweeps, engine, targetRecall));
        }
        return maps;
    }

    private static RecallHeatMap forEngine(List<SweepResults> sweeps, String engine, double targetRecall) {
        Set<Integer> mValues = new TreeSet<>();
        Set<Integer> efConstructionValues = new TreeSet<>();
        Set<Integer> efSearchValues = new TreeSet<>();
        Map<Key, Cell> cells = new HashMap<>();
        for (SweepResults sweep : sweeps) {
            if (sweep.parameters() != null && sweep.parameters().engines().contains(engine)) {
                mValues.addAll(sweep.parameters().m());
                efConstructionValues.addAll(sweep.parameters().efConstruction());
                efSearchValues.addAll(sweep.parameters().efSearch());
            }
            for (RunResult run : sweep.runs()) {
                if (!Objects.equals(engine, run.engine())) {
                    continue;
                }
                mValues.add(run.m());
                efConstructionValues.add(run.efConstruction());
                run.points().forEach(point -> efSearchValues.add(point.efSearch()));
                cells.merge(new Key(run.m(), run.efConstruction()), cellOf(run, targetRecall), Cell::better);
            }
        }
        return new RecallHeatMap(engine, targetRecall, new ArrayList<>(mValues), new ArrayList<>(efConstructionValues),
                new ArrayList<>(efSearchValues), cells);
    }

    /** The smallest efSearch of one run that reaches the target (points need not be monotone). */
    static Cell cellOf(RunResult run, double targetRecall) {
        SweepPoint smallestReaching = null;
        SweepPoint closest = null;
        for (SweepPoint point : run.points()) {
            if (Recommendation.reaches(point.recall(), targetRecall)) {
                if (smallestReaching == null || point.efSearch() < smallestReaching.efSearch()) {
                    smallestReaching = point;
                }
            } else if (closest == null || point.recall() > closest.recall()) {
                closest = point;
            }
        }
        if (smallestReaching != null) {
            return new Cell(Status.REACHED, smallestReaching.efSearch(), smallestReaching.recall(),
                    smallestReaching.qps());
        }
        if (closest != null) {
            return new Cell(Status.NOT_REACHED, closest.efSearch(), closest.recall(), closest.qps());
        }
        return Cell.NOT_RUN;
    }

    public String engine() {
        return engine;
    }

    public double targetRecall() {
        return targetRecall;
    }

    /** The rows, ascending. */
    public List<Integer> mValues() {
        return mValues;
    }

    /** The columns, ascending. */
    public List<Integer> efConstructionValues() {
        return efConstructionValues;
    }

    /** Every efSearch planned or measured, ascending: the values a cell can hold. */
    public List<Integer> efSearchValues() {
        return efSearchValues;
    }

    /** The cell at ({@code m}, {@code efConstruction}); {@link Status#NOT_RUN} outside the grid. */
    public Cell cell(int m, int efConstruction) {
        return cells.getOrDefault(new Key(m, efConstruction), Cell.NOT_RUN);
    }
}
