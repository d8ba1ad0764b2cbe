"""Writes the small .npy files that NpyFormatTest reads: NumPy itself is the independent writer.

Run it from this folder with Debian's Python and NumPy (not a pyenv/venv python):

    apt-get install -y python3-numpy
    cd datasets/src/test/resources/npy && /usr/bin/python3 make_fixtures.py

The outputs are committed, so the tests do not need Python. Made with Python 3.11.2 and NumPy 1.24.2
(Debian 12).

Components come from the 32-bit linear congruential generator that the Java tests recompute
(Fixtures.lcgMatrix in src/test/java): state = (1664525 * state + 1013904223) mod 2^32,
component = (state >> 8) / 2^23 - 1, exact in float32 and float64.
"""

import numpy as np


def lcg_matrix(seed, rows, columns):
    state = seed
    values = np.empty(rows * columns, dtype=np.float64)
    for i in range(rows * columns):
        state = (1664525 * state + 1013904223) % 2**32
        values[i] = (state >> 8) / 2**23 - 1.0
    return values.reshape(rows, columns)


np.save("lcg7-5x3-f4.npy", lcg_matrix(7, 5, 3).astype("<f4"))
np.save("lcg8-4x6-f8-big-endian.npy", lcg_matrix(8, 4, 6).astype(">f8"))
with open("lcg9-3x2-f4-version2.npy", "wb") as f:
    np.lib.format.write_array(f, lcg_matrix(9, 3, 2).astype("<f4"), version=(2, 0))
np.save("fortran-order-3x2.npy", np.asfortranarray(lcg_matrix(10, 3, 2).astype("<f4")))
np.save("int32-3x2.npy", np.arange(6, dtype=np.int32).reshape(3, 2))
np.save("one-dimensional-5.npy", np.arange(5, dtype=np.float32))
