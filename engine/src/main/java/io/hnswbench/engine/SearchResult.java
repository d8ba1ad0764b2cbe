package io.hnswbench.engine;

/**
 * One hit of a search: the id the vector was added under and its distance to the query under the
 * index's {@link Metric}.
 *
 * @param id       the id given to {@link HnswIndex#add(String, float[])}
 * @param distance distance to the query; smaller is nearer
 */
public record SearchResult(String id, float distance) {
}
