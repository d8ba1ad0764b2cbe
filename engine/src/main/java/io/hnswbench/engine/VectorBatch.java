package io.hnswbench.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors to insert, already validated: where each one's components are (or, when a rebuild
 * re-inserts stored vectors, which node of the old store holds each), the id, and the factor to
 * store it with (the cosine normalisation). Building one checks every input first, so a bad
 * vector anywhere rejects the whole call before the index changes. When an id occurs more than
 * once, its last vector wins, as if the vectors had been added one by one.
 */
final class VectorBatch {

    private final String[] ids;
    private final float[][] arrays;
    private final int[] offsets;
    private final float[] scales;
    /** For vectors already in an index: the store holding them (null otherwise) and their nodes there. */
    private final NodeStore storedIn;
    private final int[] storedNodes;

    private VectorBatch(String[] ids, float[][] arrays, int[] offsets, float[] scales) {
        this.ids = ids;
        this.arrays = arrays;
        this.offsets = offsets;
        this.scales = scales;
        this.storedIn = null;
        this.storedNodes = null;
    }

    private VectorBatch(String[] ids, NodeStore storedIn, int[] storedNodes) {
        this.ids = ids;
        this.arrays = null;
        this.offsets = null;
        this.scales = null;
        this.storedIn = storedIn;
        this.storedNodes = storedNodes;
    }

    static VectorBatch of(String id, float[] vector, IndexConfig config) {
        checkId(id, "id");
        VectorChecks.checkLength(vector, config.dimension(), vectorName(id));
        float scale = VectorChecks.checkedScale(vector, 0, config.dimension(), config.metric(), vectorName(id));
        return new VectorBatch(new String[] {id}, new float[][] {vector}, new int[] {0}, new float[] {scale});
    }

    static VectorBatch of(List<String> ids, List<float[]> vectors, IndexConfig config) {
        checkLists(ids, vectors == null ? -1 : vectors.size());
        int[] kept = lastOccurrences(ids);
        int dimension = config.dimension();
        String[] keptIds = new String[kept.length];
        float[][] arrays = new float[kept.length][];
        float[] scales = new float[kept.length];
        for (int i = 0; i < kept.length; i++) {
            int source = kept[i];
            String what = "vector " + source + " (" + vectorName(ids.get(source)) + ")";
            float[] vector = vectors.get(source);
            VectorChecks.checkLength(vector, dimension, what);
            keptIds[i] = ids.get(source);
            arrays[i] = vector;
            scales[i] = VectorChecks.checkedScale(vector, 0, dimension, config.metric(), what);
        }
        return new VectorBatch(keptIds, arrays, new int[kept.length], scales);
    }

    /** Vectors laid end to end in one row-major array, {@code dimension} floats each. */
    static VectorBatch ofRows(List<String> ids, float[] rows, IndexConfig config) {
        if (rows == null) {
            throw new IllegalArgumentException("vectors is null");
        }
        int dimension = config.dimension();
        if (rows.length % dimension != 0) {
            throw new IllegalArgumentException("the row-major array holds " + rows.length + " floats, which is not a "
                    + "multiple of the dimension " + dimension);
        }
        checkLists(ids, rows.length / dimension);
        int[] kept = lastOccurrences(ids);
        String[] keptIds = new String[kept.length];
        float[][] arrays = new float[kept.length][];
        int[] offsets = new int[kept.length];
        float[] scales = new float[kept.length];
        for (int i = 0; i < kept.length; i++) {
            int source = kept[i];
            keptIds[i] = ids.get(source);
            arrays[i] = rows;
            offsets[i] = source * dimension;
            scales[i] = VectorChecks.checkedScale(rows, offsets[i], dimension, config.metric(),
                    "row " + source + " (" + vectorName(ids.get(source)) + ")");
        }
        return new VectorBatch(keptIds, arrays, offsets, scales);
    }

    /**
     * Vectors already stored in {@code store} (of an index with the same configuration), copied
     * as they are, both halves bit for bit: they were checked and normalised when first added.
     */
    static VectorBatch ofStored(List<String> ids, NodeStore store, int[] nodes) {
        return new VectorBatch(ids.toArray(String[]::new), store, nodes.clone());
    }

    /** The store the vectors are already in, or {@code null} for vectors given as floats. */
    NodeStore storedIn() {
        return storedIn;
    }

    /** The node of vector {@code i} in {@link #storedIn()}. */
    int storedNode(int i) {
        return storedNodes[i];
    }

    int size() {
        return ids.length;
    }

    String id(int i) {
        return ids[i];
    }

    float[] array(int i) {
        return arrays[i];
    }

    int offset(int i) {
        return offsets[i];
    }

    float scale(int i) {
        return scales[i];
    }

    private static void checkLists(List<String> ids, int vectorCount) {
        if (ids == null) {
            throw new IllegalArgumentException("ids is null");
        }
        if (vectorCount < 0) {
            throw new IllegalArgumentException("vectors is null");
        }
        if (ids.size() != vectorCount) {
            throw new IllegalArgumentException("got " + ids.size() + " ids but " + vectorCount + " vectors; "
                    + "every vector needs exactly one id");
        }
        for (int i = 0; i < ids.size(); i++) {
            checkId(ids.get(i), "id " + i);
        }
    }

    /** Positions of the last occurrence of each id, in input order. */
    private static int[] lastOccurrences(List<String> ids) {
        Map<String, Integer> last = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            last.put(ids.get(i), i);
        }
        int[] kept = new int[last.size()];
        int count = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (last.get(ids.get(i)) == i) {
                kept[count++] = i;
            }
        }
        return kept;
    }

    private static void checkId(String id, String what) {
        if (id == null) {
            throw new IllegalArgumentException(what + " is null; every vector needs a non-null id");
        }
    }

    private static String vectorName(String id) {
        return "vector for id '" + id + "'";
    }
}
