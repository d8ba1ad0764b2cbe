package io.hnswbench.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The contents of a dataset folder's {@code meta.json}, with the field names of DESIGN.md.
 *
 * @param metric     {@code cosine}, {@code l2} or {@code inner_product} (see {@link MetricNames})
 * @param gtK        neighbours per query in {@code groundtruth.ivecs}; 0 when there is no ground truth
 * @param source     where the vectors (and texts) came from, for a reader of the folder
 * @param license    under which terms the data may be used
 * @param builtWith  the tool and command that made the folder; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetMeta(
        String name,
        int dimension,
        String metric,
        @JsonProperty("base_count") int baseCount,
        @JsonProperty("query_count") int queryCount,
        @JsonProperty("gt_k") int gtK,
        String source,
        String license,
        @JsonProperty("built_with") String builtWith) {

    /** The same metadata with another ground-truth depth. */
    public DatasetMeta withGtK(int newGtK) {
        return new DatasetMeta(name, dimension, metric, baseCount, queryCount, newGtK, source, license, builtWith);
    }
}
