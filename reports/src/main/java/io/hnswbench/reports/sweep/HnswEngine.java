package io.hnswbench.reports.sweep;

import io.hnswbench.datasets.RowIds;
import io.hnswbench.datasets.VectorMatrix;
import io.hnswbench.engine.HnswIndex;
import io.hnswbench.engine.IndexStatistics;
import io.hnswbench.engine.Metric;
import io.hnswbench.engine.SearchCounters;
import io.hnswbench.engine.SearchOptions;
import io.hnswbench.engine.SearchResult;
import io.hnswbench.reports.GraphStatistics;
import java.util.List;
import java.util.concurrent.CancellationException;

/** This project's engine, {@code io.hnswbench.engine.HnswIndex}, as a sweep engine named {@code hnsw}. */
public final class HnswEngine implements SweepEngine {

    public static final String NAME = "hnsw";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineIndex build(VectorMatrix base, Metric metric, BuildSettings settings, BuildProgress progress)
            throws InterruptedException {
        HnswIndex index = HnswIndex.builder(base.dimension()).metric(metric).m(settings.m())
                .efConstruction(settings.efConstruction()).seed(settings.seed()).build();
        try {
            index.addAll(RowIds.of(base.rows()), base.data(), settings.threads(),
                    (inserted, total) -> progress.inserted(inserted, total));
        } catch (CancellationException cancelled) {
            throw new InterruptedException(cancelled.getMessage());
        }
        return new Built(index);
    }

    /** A built index; nothing adds to it any more, so its statistics are taken once. */
    private static final class Built implements EngineIndex {

        private final HnswIndex index;
        /** The graph walk behind both {@link #bytes()} and {@link #statistics()}; taken on first use. */
        private IndexStatistics statistics;

        Built(HnswIndex index) {
            this.index = index;
        }

        private synchronized IndexStatistics engineStatistics() {
            if (statistics == null) {
                statistics = index.statistics();
            }
            return statistics;
        }

        @Override
        public int search(float[] query, int k, int efSearch, int[] ids, float[] distances) {
            List<SearchResult> hits = index.search(query, k, SearchOptions.ef(efSearch));
            for (int i = 0; i < hits.size(); i++) {
                ids[i] = Integer.parseInt(hits.get(i).id());
                distances[i] = hits.get(i).distance();
            }
            return hits.size();
        }

        @Override
        public long bytes() {
            return engineStatistics().totalBytes();
        }

        @Override
        public GraphStatistics statistics() {
            return GraphStatistics.of(engineStatistics());
        }

        @Override
        public Work work() {
            SearchCounters counters = index.searchCounters();
            return new Work(counters.distanceComputations(), counters.hops());
        }

        @Override
        public void close() {
            index.close();
        }
    }
}
