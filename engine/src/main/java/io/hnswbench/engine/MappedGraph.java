package io.hnswbench.engine;

import io.hnswbench.engine.IndexFileFormat.Section;
import java.lang.foreign.MemorySegment;

/**
 * A graph read straight from a memory-mapped index file: vectors and level-0 rows are never
 * copied to the heap; levels and upper-level rows (about one node in M has them) are. Read-only,
 * so every read is plain. The file holds float vectors; traversal truncates them as it reads
 * ({@link DistanceFunction#traversal(float[], MemorySegment, long, int)}), so searches walk
 * exactly as they would on the heap index the file loads into.
 */
final class MappedGraph implements SearchableGraph {

    private final IndexFile file;
    private final MemorySegment segment;
    private final DistanceFunction distance;
    private final int dimension;
    private final long vectorsAt;
    private final long vectorStride;
    private final long level0At;
    private final long level0RowBytes;
    private final int m;
    private final long idTableBytes;

    MappedGraph(IndexFile file, long idTableBytes) {
        this.file = file;
        this.segment = file.segment;
        this.distance = new DistanceFunction(file.config.metric());
        this.dimension = file.config.dimension();
        this.vectorsAt = file.sectionOffset(Section.VECTORS);
        this.vectorStride = IndexFileFormat.vectorStride(dimension);
        this.level0At = file.sectionOffset(Section.LEVEL0_LINKS);
        this.level0RowBytes = (long) IndexFileFormat.level0RowInts(file.config.m()) * Integer.BYTES;
        this.m = file.config.m();
        this.idTableBytes = idTableBytes;
    }

    @Override
    public int nodeCount() {
        return file.nodeCount;
    }

    @Override
    public EntryPoint entryPoint() {
        return file.entryPoint;
    }

    @Override
    public int capacity(int level) {
        return level == 0 ? 2 * m : m;
    }

    @Override
    public int copyLinks(int node, int level, int[] destination) {
        if (level == 0) {
            long row = level0At + node * level0RowBytes;
            int count = segment.get(IndexFile.INT, row);
            MemorySegment.copy(segment, IndexFile.INT, row + Integer.BYTES, destination, 0, count);
            return count;
        }
        int[] rows = file.upperLinks[node];
        if (rows == null) {
            return 0;
        }
        int start = (level - 1) * IndexFileFormat.upperRowInts(m);
        int count = rows[start];
        System.arraycopy(rows, start + 1, destination, 0, count);
        return count;
    }

    @Override
    public int level(int node) {
        return file.levels[node];
    }

    @Override
    public boolean holdsNode(int node) {
        return file.state(node) != IndexFileFormat.UNFINISHED;
    }

    @Override
    public String id(int node) {
        return file.id(node);
    }

    @Override
    public boolean isVisible(int node) {
        return file.state(node) == IndexFileFormat.VISIBLE;
    }

    @Override
    public void copyVector(int node, float[] destination) {
        MemorySegment.copy(segment, IndexFile.FLOAT, vectorAt(node), destination, 0, dimension);
    }

    @Override
    public float distanceTo(float[] query, int node) {
        return distance.traversal(query, segment, vectorAt(node), dimension);
    }

    @Override
    public float exactDistanceTo(float[] query, int node) {
        return distance.distance(query, 0, segment, vectorAt(node), dimension);
    }

    @Override
    public void scoreAll(SearchScratch scratch, float[] query, int[] targets, int count, float[] distances) {
        for (int i = 0; i < count; i++) {
            distances[i] = distanceTo(query, targets[i]);
        }
    }

    private long vectorAt(int node) {
        return vectorsAt + node * vectorStride;
    }

    @Override
    public long vectorBytes() {
        return file.layout.length(Section.VECTORS);
    }

    /** The mapped level-0 rows plus the upper-level rows on the heap. */
    @Override
    public long linkBytes() {
        long bytes = file.layout.length(Section.LEVEL0_LINKS) + NodeStore.ARRAY_HEADER_BYTES
                + (long) file.upperLinks.length * NodeStore.REFERENCE_BYTES;
        for (int[] row : file.upperLinks) {
            if (row != null) {
                bytes += NodeStore.ARRAY_HEADER_BYTES + (long) row.length * Integer.BYTES;
            }
        }
        return bytes;
    }

    /** Mapped states and ids, the levels on the heap, and the id lookup table. */
    @Override
    public long otherBytes() {
        return file.layout.length(Section.NODE_STATES) + file.layout.length(Section.ID_OFFSETS)
                + file.layout.length(Section.ID_BYTES) + file.levels.length + idTableBytes;
    }
}
