"""Writes the small ann-benchmarks HDF5 files that AnnBenchmarksFileTest and DatasetCreatorTest read.

h5py is an independent writer of the format: the files are laid out the way ann-benchmarks'
own datasets.py writes them (datasets train, test, neighbors, distances and the root attribute
'distance'), so the Java reader is checked against real HDF5, not against itself.

Run it from this folder with Debian's Python and h5py (not a pyenv/venv python):

    apt-get install -y python3-h5py
    cd datasets/src/test/resources/ann-benchmarks && /usr/bin/python3 make_fixtures.py

The outputs are committed, so the tests do not need Python. Made with Python 3.11.2, NumPy 1.24.2,
h5py 3.7.0, HDF5 1.10.8 (Debian 12). Datasets are written with track_times=False, so re-running
the script reproduces the files byte for byte.

Every vector component comes from a 32-bit linear congruential generator that the Java tests
recompute (Fixtures.lcgMatrix in src/test/java): state = (1664525 * state + 1013904223) mod 2^32,
component = (state >> 8) / 2^23 - 1, a multiple of 2^-23 in [-1, 1) that float32 and float64 hold
exactly. The true neighbours are a float64 brute force here (squared euclidean, or 1 - cosine with
the norms computed), ties by lower id; the script checks that no two of the k + 1 nearest are
closer than 1e-9, so any correct exact search finds the same ids in the same order.
"""

import h5py
import numpy as np

K = 10


def lcg_matrix(seed, rows, columns):
    state = seed
    values = np.empty(rows * columns, dtype=np.float64)
    for i in range(rows * columns):
        state = (1664525 * state + 1013904223) % 2**32
        values[i] = (state >> 8) / 2**23 - 1.0
    return values.reshape(rows, columns)


def true_neighbors(train, test, metric, k):
    if metric == "euclidean":
        distances = ((test[:, None, :] - train[None, :, :]) ** 2).sum(axis=2)
    else:
        norms = np.linalg.norm(train, axis=1)
        distances = 1 - (test @ train.T) / (np.linalg.norm(test, axis=1)[:, None] * norms[None, :])
    ids = np.empty((len(test), k), dtype=np.int64)
    ranked = np.empty((len(test), k), dtype=np.float64)
    for q in range(len(test)):
        order = np.lexsort((np.arange(len(train)), distances[q]))
        gaps = np.diff(distances[q][order[: k + 1]])
        assert gaps.min() > 1e-9, "near-tie in the top %d of query %d; choose other seeds" % (k + 1, q)
        ids[q] = order[:k]
        ranked[q] = distances[q][order[:k]]
    return ids, ranked


def write_ann_file(path, train, test, metric, vector_type, id_type, distance_attribute):
    ids, distances = true_neighbors(train.astype(np.float64), test.astype(np.float64), metric, K)
    if metric == "euclidean":
        distances = np.sqrt(distances)  # ann-benchmarks stores the euclidean, not squared, distance
    with h5py.File(path, "w") as f:
        f.attrs["type"] = "dense"
        f.attrs["distance"] = distance_attribute
        f.attrs["dimension"] = train.shape[1]
        f.attrs["point_type"] = "float"
        f.create_dataset("train", data=train.astype(vector_type), track_times=False)
        f.create_dataset("test", data=test.astype(vector_type), track_times=False)
        f.create_dataset("neighbors", data=ids.astype(id_type), track_times=False)
        f.create_dataset("distances", data=distances.astype(vector_type), track_times=False)


# float32 vectors, int32 neighbours, 'distance' a variable-length UTF-8 string (what h5py writes for str).
write_ann_file("euclidean-200x16-f32.hdf5", lcg_matrix(1, 200, 16), lcg_matrix(2, 20, 16), "euclidean",
               np.float32, np.int32, "euclidean")

# float64 vectors, int64 neighbours, 'distance' a fixed-length ASCII string.
write_ann_file("angular-150x12-f64.hdf5", lcg_matrix(3, 150, 12), lcg_matrix(4, 15, 12), "angular",
               np.float64, np.int64, np.bytes_(b"angular"))

# Only train and test: no neighbours, no 'distance' attribute.
with h5py.File("no-neighbors-60x8.hdf5", "w") as f:
    f.create_dataset("train", data=lcg_matrix(5, 60, 8).astype(np.float32), track_times=False)
    f.create_dataset("test", data=lcg_matrix(6, 6, 8).astype(np.float32), track_times=False)

# Neighbour id 60 in a file of 60 train vectors (ids 0..59): query 3, rank 4.
with h5py.File("neighbor-out-of-range.hdf5", "w") as f:
    f.attrs["distance"] = "euclidean"
    f.create_dataset("train", data=lcg_matrix(5, 60, 8).astype(np.float32), track_times=False)
    f.create_dataset("test", data=lcg_matrix(6, 6, 8).astype(np.float32), track_times=False)
    neighbors = np.tile(np.arange(K, dtype=np.int32), (6, 1))
    neighbors[3, 4] = 60
    f.create_dataset("neighbors", data=neighbors, track_times=False)

# 'train' declares 2^27 x 2 float32 (1 GiB) but no data was ever written: the file is a few KB.
with h5py.File("train-claims-1gib.hdf5", "w") as f:
    f.attrs["distance"] = "euclidean"
    f.create_dataset("train", shape=(2**27, 2), dtype=np.float32, track_times=False)
    f.create_dataset("test", data=lcg_matrix(6, 2, 2).astype(np.float32), track_times=False)

# A NaN at train vector 5, component 3.
with h5py.File("nan-in-train.hdf5", "w") as f:
    f.attrs["distance"] = "euclidean"
    train = lcg_matrix(5, 60, 8).astype(np.float32)
    train[5, 3] = np.nan
    f.create_dataset("train", data=train, track_times=False)
    f.create_dataset("test", data=lcg_matrix(6, 6, 8).astype(np.float32), track_times=False)

# A download cut short: 'train' holds 65,536 x 4 float32 (1 MiB) written last, and the file is cut
# to its first 16 KiB, so the dataset's header survives but its data does not.
with h5py.File("train-truncated.hdf5", "w") as f:
    f.attrs["distance"] = "euclidean"
    f.create_dataset("test", data=lcg_matrix(6, 2, 4).astype(np.float32), track_times=False)
    f.create_dataset("train", data=np.ones((65536, 4), dtype=np.float32), track_times=False)
with open("train-truncated.hdf5", "r+b") as f:
    f.truncate(16384)
