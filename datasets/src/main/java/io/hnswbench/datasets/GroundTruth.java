package io.hnswbench.datasets;

import java.util.Objects;
import java.util.Optional;

/**
 * The exact nearest base vectors of every query, nearest first: ids are row numbers of the base
 * set, and the distances (when known) are the metric's, so that recall can count ties.
 */
public final class GroundTruth {

    private final IntMatrix ids;
    private final VectorMatrix distances;

    /**
     * @param distances one row per query with the distances of {@code ids}, or null when unknown
     * @throws IllegalArgumentException if the shapes of ids and distances differ
     */
    public GroundTruth(IntMatrix ids, VectorMatrix distances) {
        this.ids = Objects.requireNonNull(ids, "ids");
        if (distances != null && (distances.rows() != ids.rows() || distances.dimension() != ids.columns())) {
            throw new IllegalArgumentException("ground-truth distances are " + distances.rows() + " x "
                    + distances.dimension() + " but the ids are " + ids.rows() + " x " + ids.columns());
        }
        this.distances = distances;
    }

    /** Neighbours per query. */
    public int k() {
        return ids.columns();
    }

    public int queryCount() {
        return ids.rows();
    }

    /** The neighbour ids, one row per query, nearest first. */
    public IntMatrix ids() {
        return ids;
    }

    /** The neighbour distances, aligned with {@link #ids()}, when the dataset has them. */
    public Optional<VectorMatrix> distances() {
        return Optional.ofNullable(distances);
    }
}
