package io.hnswbench.workbench.desktop;

/**
 * The efSearch values the Search screen's slider stops at: from 1 to 1024, about four stops per
 * doubling, so each step changes the beam by a similar share (recall moves with log ef, and a
 * linear slider would spend most of its length above 500). The slider's value is a stop's position.
 */
final class EfScale {

    private static final int[] STOPS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64, 80, 96, 128, 160,
            192, 256, 320, 384, 512, 640, 768, 1024};

    private EfScale() {
    }

    /** The last position; the first is 0. */
    static int lastPosition() {
        return STOPS.length - 1;
    }

    /** The efSearch at the stop nearest {@code position}. */
    static int efAt(double position) {
        int stop = (int) Math.round(position);
        return STOPS[Math.clamp(stop, 0, lastPosition())];
    }

    /** The position of the stop nearest {@code ef} (on a log scale, as the stops are spaced). */
    static int positionOf(double ef) {
        double wanted = Math.max(1, ef);
        int nearest = 0;
        for (int stop = 1; stop < STOPS.length; stop++) {
            if (Math.abs(Math.log(STOPS[stop] / wanted)) < Math.abs(Math.log(STOPS[nearest] / wanted))) {
                nearest = stop;
            }
        }
        return nearest;
    }
}
