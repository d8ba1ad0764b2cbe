package io.hnswbench.engine;

/** Which nodes a search may return; every node may still be traversed. */
@FunctionalInterface
interface NodeFilter {
    boolean accepts(int node);
}
