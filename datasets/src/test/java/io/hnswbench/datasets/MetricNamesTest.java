package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.engine.Metric;
import org.junit.jupiter.api.Test;

class MetricNamesTest {

    @Test
    void everyMetricParsesBackFromItsMetaJsonName() {
        for (Metric metric : Metric.values()) {
            assertEquals(metric, MetricNames.parse(MetricNames.of(metric)));
        }
        assertEquals("cosine", MetricNames.of(Metric.COSINE));
        assertEquals("l2", MetricNames.of(Metric.L2));
        assertEquals("inner_product", MetricNames.of(Metric.INNER_PRODUCT));
    }

    @Test
    void annBenchmarksNamesAndCaseAreAccepted() {
        assertEquals(Metric.COSINE, MetricNames.parse("angular"));
        assertEquals(Metric.L2, MetricNames.parse("euclidean"));
        assertEquals(Metric.INNER_PRODUCT, MetricNames.parse("dot"));
        assertEquals(Metric.INNER_PRODUCT, MetricNames.parse("IP"));
        assertEquals(Metric.L2, MetricNames.parse(" L2 "));
    }

    @Test
    void unknownMetricIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MetricNames.parse("hamming"));
        assertTrue(refused.getMessage().contains("'hamming'") && refused.getMessage().contains(MetricNames.ACCEPTED),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricNames.parse(null));
        assertThrows(IllegalArgumentException.class, () -> MetricNames.parse("jaccard"));
    }
}
