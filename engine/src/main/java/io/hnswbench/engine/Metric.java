package io.hnswbench.engine;

/**
 * How the index measures distance between two vectors. Smaller is always nearer.
 */
public enum Metric {

    /**
     * {@code 1 - cos(a, b)}, in [0, 2]. Vectors need not be normalised: the index normalises every
     * vector on insert and every query on search, so a stored vector is the unit vector of what was
     * added. The zero vector has no direction and is rejected.
     */
    COSINE,

    /** The squared Euclidean distance {@code sum((a_i - b_i)^2)}, without the square root. */
    L2,

    /**
     * {@code 1 - a·b} on the vectors as given (no normalisation), the convention of hnswlib's
     * {@code ip} space. It equals the cosine distance for unit vectors and can be negative when
     * vectors are longer than one; a larger dot product is always nearer.
     */
    INNER_PRODUCT
}
