package io.hnswbench.reports.charts;

import io.hnswbench.reports.RunResult;
import io.hnswbench.reports.SweepResults;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run as the charts show it: the name its legends use and the colour it keeps on every chart.
 *
 * @param name        {@link RunResult#label()}, prefixed with the dataset name when the results
 *                    span more than one dataset, and made unique with {@code #2}, {@code #3}… when
 *                    two runs would otherwise share a name
 * @param dataset     the dataset the run was measured on
 * @param colourIndex the run's position among all charted runs; picks its colour and marker
 * @param run         the measurements
 */
public record ChartRun(String name, String dataset, int colourIndex, RunResult run) {

    /** Every run of {@code results}, in order, named and coloured consistently for all charts. */
    public static List<ChartRun> all(List<SweepResults> results) {
        Set<String> datasets = new HashSet<>();
        for (SweepResults sweep : results) {
            datasets.add(datasetName(sweep));
        }
        boolean nameDatasets = datasets.size() > 1;
        List<ChartRun> runs = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        for (SweepResults sweep : results) {
            String dataset = datasetName(sweep);
            for (RunResult run : sweep.runs()) {
                String name = nameDatasets ? dataset + " · " + run.label() : run.label();
                String unique = name;
                for (int copy = 2; !usedNames.add(unique); copy++) {
                    unique = name + " #" + copy;
                }
                runs.add(new ChartRun(unique, dataset, runs.size(), run));
            }
        }
        return List.copyOf(runs);
    }

    /** One run charted on its own: named by its label, in the first colour. */
    public static ChartRun single(RunResult run) {
        return new ChartRun(run.label(), "", 0, run);
    }

    /** The run's colour, the same on every chart built from the same results. */
    public Color colour() {
        return ChartStyle.runColour(colourIndex);
    }

    private static String datasetName(SweepResults sweep) {
        return sweep.dataset() == null || sweep.dataset().name() == null ? "unknown dataset" : sweep.dataset().name();
    }
}
