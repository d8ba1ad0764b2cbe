package io.hnswbench.datasets;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of base vectors to index, query vectors to search with, the metric they are meant for, and
 * optionally the exact neighbours of every query and the texts the vectors were embedded from.
 * Vectors are held once, in one array per set ({@link VectorMatrix}).
 */
public final class Dataset {

    private final DatasetMeta meta;
    private final Metric metric;
    private final VectorMatrix base;
    private final VectorMatrix queries;
    private final GroundTruth groundTruth;
    private final List<String> baseTexts;
    private final List<String> queryTexts;

    /**
     * Checks that the parts agree with each other and with {@code meta}.
     *
     * @param groundTruth may be null (not computed yet)
     * @param baseTexts   may be null; otherwise one text per base vector
     * @param queryTexts  may be null; otherwise one text per query vector
     * @throws IllegalArgumentException naming the first disagreement
     */
    public Dataset(DatasetMeta meta, VectorMatrix base, VectorMatrix queries, GroundTruth groundTruth,
                   List<String> baseTexts, List<String> queryTexts) {
        this.meta = Objects.requireNonNull(meta, "meta");
        this.metric = MetricNames.parse(meta.metric());
        this.base = Objects.requireNonNull(base, "base");
        this.queries = Objects.requireNonNull(queries, "queries");
        requireEqual("base dimension", base.dimension(), meta.dimension());
        requireEqual("query dimension", queries.dimension(), meta.dimension());
        requireEqual("base count", base.rows(), meta.baseCount());
        requireEqual("query count", queries.rows(), meta.queryCount());
        if (groundTruth != null) {
            if (groundTruth.queryCount() != queries.rows()) {
                throw new IllegalArgumentException("the ground truth has " + groundTruth.queryCount()
                        + " rows but there are " + queries.rows() + " query vectors");
            }
            requireEqual("ground-truth k", groundTruth.k(), meta.gtK());
            int[] ids = groundTruth.ids().data();
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] < 0 || ids[i] >= base.rows()) {
                    throw new IllegalArgumentException("ground truth of query " + i / groundTruth.k() + " names base id "
                            + ids[i] + ", outside 0.." + (base.rows() - 1));
                }
            }
        }
        if (baseTexts != null) {
            requireEqual("base texts", baseTexts.size(), base.rows());
        }
        if (queryTexts != null) {
            requireEqual("query texts", queryTexts.size(), queries.rows());
        }
        this.groundTruth = groundTruth;
        this.baseTexts = baseTexts == null ? null : List.copyOf(baseTexts);
        this.queryTexts = queryTexts == null ? null : List.copyOf(queryTexts);
    }

    /** Reads a dataset folder; see {@link DatasetFolder}. */
    public static Dataset load(Path folder) throws IOException {
        return DatasetFolder.load(folder);
    }

    private static void requireEqual(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " is " + actual + " but meta.json says " + expected);
        }
    }

    public DatasetMeta meta() {
        return meta;
    }

    public String name() {
        return meta.name();
    }

    public Metric metric() {
        return metric;
    }

    public int dimension() {
        return meta.dimension();
    }

    public VectorMatrix base() {
        return base;
    }

    public VectorMatrix queries() {
        return queries;
    }

    public Optional<GroundTruth> groundTruth() {
        return Optional.ofNullable(groundTruth);
    }

    public Optional<List<String>> baseTexts() {
        return Optional.ofNullable(baseTexts);
    }

    public Optional<List<String>> queryTexts() {
        return Optional.ofNullable(queryTexts);
    }

    /** The same dataset with {@code newGroundTruth}, its depth recorded in the metadata. */
    public Dataset withGroundTruth(GroundTruth newGroundTruth) {
        return new Dataset(meta.withGtK(newGroundTruth.k()), base, queries, newGroundTruth, baseTexts, queryTexts);
    }
}
