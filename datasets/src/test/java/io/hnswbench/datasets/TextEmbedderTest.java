package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hnswbench.engine.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** all-MiniLM-L6-v2 through {@link TextEmbedder}: shapes, agreement with a person, and with the shipped vectors. */
class TextEmbedderTest {

    private final TextEmbedder embedder = Fixtures.embedder();

    @ParameterizedTest(name = "\"{0}\" is nearer to \"{1}\" than to \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            a kitten sleeps on the sofa            | a cat is napping on the couch             | quarterly revenue fell by 3%
            how do I reset my password?            | I forgot my login and cannot sign in       | the recipe needs two cups of flour
            heavy rain is expected tomorrow        | the forecast says it will pour tomorrow    | the striker scored a late goal
            the compiler reports a syntax error    | the code fails to build because of a typo  | the beach was crowded in August
            """)
    void sentencesRankAsAPersonWould(String anchor, String paraphrase, String unrelated) {
        float[] a = embedder.embed(anchor);

        double toParaphrase = cosineDistance(a, embedder.embed(paraphrase));
        double toUnrelated = cosineDistance(a, embedder.embed(unrelated));

        assertTrue(toParaphrase < toUnrelated, "paraphrase at " + toParaphrase + ", unrelated at " + toUnrelated);
    }

    @Test
    void vectorsHave384ComponentsAndUnitLength() {
        // Includes a text far beyond the model's 512-token window, which must still embed.
        for (String text : List.of("a", "a kitten sleeps on the sofa", "Ünïcödé — 猫が寝ている", "x ".repeat(2000))) {
            float[] vector = embedder.embed(text);

            assertEquals(TextEmbedder.DIMENSION, vector.length);
            assertEquals(1.0, norm(vector), 1e-6, "norm of the embedding of '" + text.substring(0, Math.min(20,
                    text.length())) + "'");
        }
    }

    @Test
    void embedAllEqualsEmbedPerText() throws InterruptedException {
        // More than one batch of 64, texts of very different lengths (so batches are padded).
        List<String> texts = Stream.iterate(0, i -> i + 1).limit(70)
                .map(i -> i % 3 == 0 ? "short text " + i : "sentence number " + i + " about " + "word ".repeat(i))
                .toList();

        VectorMatrix all = embedder.embedAll(texts, ProgressListener.NONE);

        assertEquals(70, all.rows());
        assertEquals(TextEmbedder.DIMENSION, all.dimension());
        for (int i = 0; i < texts.size(); i++) {
            assertTrue(maxAbsDifference(embedder.embed(texts.get(i)), all.row(i)) <= 1e-5, "text " + i);
        }
    }

    @Test
    void reproducesTheShippedMinilmVectors() throws IOException, InterruptedException {
        Path folder = Fixtures.sharedDataset(Fixtures.MINILM);
        List<String> lines;
        try (Stream<String> all = Files.lines(folder.resolve(DatasetFolder.BASE_TEXTS), StandardCharsets.UTF_8)) {
            lines = all.limit(12).toList();
        }
        VectorMatrix shipped = TexmexFormat.readFvecs(folder.resolve(DatasetFolder.BASE));

        VectorMatrix embedded = embedder.embedAll(lines, ProgressListener.NONE);

        for (int row = 0; row < lines.size(); row++) {
            double difference = maxAbsDifference(shipped.row(row), embedded.row(row));
            assertTrue(difference <= 1e-5, "base.txt line " + row + " differs from base.fvecs row " + row + " by "
                    + difference);
            assertTrue(maxAbsDifference(shipped.row(row), embedder.embed(lines.get(row))) <= 1e-5,
                    "embed, line " + row);
        }
    }

    static double cosineDistance(float[] a, float[] b) {
        return BruteForce.distance(Metric.COSINE, a, b);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float component : vector) {
            sum += (double) component * component;
        }
        return Math.sqrt(sum);
    }

    static double maxAbsDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
