package io.hnswbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VectorMatrixTest {

    @Test
    void rowsHeadAndSelectCopyTheRightVectors() {
        VectorMatrix matrix = VectorMatrix.of(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6});

        assertArrayEquals(new float[] {3, 4}, matrix.row(1));
        assertEquals(4, matrix.offset(2));
        assertArrayEquals(new float[] {1, 2, 3, 4}, matrix.head(2).data());
        assertArrayEquals(new float[] {5, 6, 1, 2, 5, 6}, matrix.select(new int[] {2, 0, 2}).data());
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.row(3));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.select(new int[] {0, 3}));
    }

    @Test
    void wrapRefusesAnArrayOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.wrap(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.wrap(new float[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.of(new float[] {1}, new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> IntMatrix.wrap(new int[5], 2, 3));
    }

    @Test
    void checkedSizeRefusesWhatNoArrayCanHoldEvenWhenTheProductOverflows() {
        assertEquals(6, VectorMatrix.checkedSize(2, 3));
        assertEquals((int) VectorMatrix.MAX_FLOATS, VectorMatrix.checkedSize(VectorMatrix.MAX_FLOATS, 1));
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.checkedSize(VectorMatrix.MAX_FLOATS + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.checkedSize(1L << 40, 1L << 40));
        // 2^62 x 4 wraps to exactly 0 in a long: must not pass as an empty array.
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.checkedSize(1L << 62, 4));
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.checkedSize(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> VectorMatrix.checkedSize(4, 0));
    }
}
