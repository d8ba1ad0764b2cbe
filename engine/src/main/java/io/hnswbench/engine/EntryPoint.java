package io.hnswbench.engine;

/** Where every search starts: the node on the top level, and that level. Immutable; swapped whole. */
record EntryPoint(int node, int level) {
}
