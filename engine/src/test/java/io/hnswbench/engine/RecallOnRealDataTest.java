package io.hnswbench.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recall@10 against the shipped exact ground truth, M = 16, efConstruction = 200. */
class RecallOnRealDataTest {

    @ParameterizedTest
    @ValueSource(strings = {SharedDataset.MINILM, SharedDataset.MNIST})
    void recallAtTenReachesTargetsAtEf64And256(String name) throws IOException {
        SharedDataset data = SharedDataset.load(name);
        HnswIndex index = HnswIndex.builder(data.dimension()).metric(data.metric)
                .m(16).efConstruction(200).build();
        index.addAll(data.ids(), List.of(data.base), 2);

        double recallAt64 = meanRecall(index, data, 64);
        double recallAt256 = meanRecall(index, data, 256);
        System.out.printf("%s: recall@10 = %.4f at ef=64, %.4f at ef=256%n", name, recallAt64, recallAt256);
        assertTrue(recallAt64 >= 0.95, name + " recall@10 at ef=64 was " + recallAt64);
        assertTrue(recallAt256 >= 0.99, name + " recall@10 at ef=256 was " + recallAt256);
    }

    static double meanRecall(HnswIndex index, SharedDataset data, int ef) {
        double total = 0;
        for (int q = 0; q < data.queries.length; q++) {
            total += data.recall(q, index.search(data.queries[q], 10, SearchOptions.ef(ef)), 10);
        }
        return total / data.queries.length;
    }
}
