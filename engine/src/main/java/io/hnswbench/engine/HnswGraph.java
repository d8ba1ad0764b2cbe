package io.hnswbench.engine;


/**
 * The graph of one heap index generation: its nodes, their links and the entry point, and how to
 * score stored vectors. Searching and inserting are done by {@link GraphSearcher} and
 * {@link GraphInserter}.
 */
final class HnswGraph implements SearchableGraph {

    final NodeStore nodes;
    final GraphLinks links;
    private final DistanceFunction distance;
    private final int dimension;
    private volatile EntryPoint entryPoint;

    HnswGraph(IndexConfig config, DistanceFunction distance) {
        this.nodes = new NodeStore(config);
        this.links = new GraphLinks(nodes, config);
        this.distance = distance;
        this.dimension = config.dimension();
    }

    @Override
    public EntryPoint entryPoint() {
        return entryPoint;
    }

    /** Only {@link GraphInserter} (holding its top-level lock) and loading from a file call this. */
    void setEntryPoint(EntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @Override
    public int nodeCount() {
        return nodes.allocated();
    }

    @Override
    public int capacity(int level) {
        return links.capacity(level);
    }

    @Override
    public int copyLinks(int node, int level, int[] destination) {
        return links.copyLinks(node, level, destination);
    }

    @Override
    public int level(int node) {
        return nodes.level(node);
    }

    @Override
    public String id(int node) {
        return nodes.id(node);
    }

    @Override
    public boolean holdsNode(int node) {
        return nodes.id(node) != null;
    }

    @Override
    public void copyVector(int node, float[] destination) {
        nodes.copyVector(node, destination);
    }

    @Override
    public boolean isVisible(int node) {
        return nodes.isVisible(node);
    }

    @Override
    public float distanceTo(float[] query, int node) {
        return distance.traversal(query, nodes.page(node).slots, nodes.vectorOffset(node), dimension);
    }

    /** One node at a time: a four-vector exact kernel outgrows C2's inlining budget (ENGINE.md). */
    @Override
    public float exactDistanceTo(float[] query, int node) {
        NodePage page = nodes.page(node);
        return distance.distance(query, page.slots, nodes.vectorOffset(node), page.lows, nodes.lowsOffset(node),
                dimension);
    }

    /** Four at a time; two or three left over go as four with the last one repeated. */
    @Override
    public void scoreAll(SearchScratch scratch, float[] query, int[] targets, int count, float[] distances) {
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            score4(query, targets[i], targets[i + 1], targets[i + 2], targets[i + 3], distances, i);
        }
        int remaining = count - i;
        if (remaining == 1) {
            distances[i] = distanceTo(query, targets[i]);
        } else if (remaining > 1) {
            // The repeat is served from cache and keeps the memory reads of the others overlapped.
            int last = targets[count - 1];
            score4(query, targets[i], targets[i + 1], remaining == 3 ? targets[i + 2] : last, last, distances, i);
        }
    }

    private void score4(float[] query, int n0, int n1, int n2, int n3, float[] out, int outOffset) {
        distance.traversalBulk4(query,
                nodes.page(n0).slots, nodes.vectorOffset(n0),
                nodes.page(n1).slots, nodes.vectorOffset(n1),
                nodes.page(n2).slots, nodes.vectorOffset(n2),
                nodes.page(n3).slots, nodes.vectorOffset(n3),
                dimension, out, outOffset);
    }

    @Override
    public long vectorBytes() {
        return nodes.vectorBytes();
    }

    @Override
    public long linkBytes() {
        return nodes.linkBytes();
    }

    @Override
    public long otherBytes() {
        return nodes.otherBytes();
    }
}
