package io.hnswbench.workbench.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ScreenshotTourTest {

    @TempDir
    Path home;

    @Test
    void rendersEveryScreenAfterRealWorkOnTheSample() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path out = home.resolve("shots");
        StringWriter log = new StringWriter();

        List<Path> images = ScreenshotTour.capture(out, List.of(home.resolve("datasets")), new PrintWriter(log));

        assertEquals(List.of("1-datasets.png", "2-build.png", "3-graph.png", "4-search.png", "5-sweep.png",
                "6-report.png"), images.stream().map(image -> image.getFileName().toString()).toList());
        for (Path image : images) {
            BufferedImage picture = ImageIO.read(image.toFile());
            assertEquals(ScreenshotTour.WIDTH, picture.getWidth(), image.toString());
            assertEquals(ScreenshotTour.HEIGHT, picture.getHeight(), image.toString());
            assertTrue(distinctColours(picture) > 50, image + " shows more than a blank window");
        }
        try (var left = Files.list(out)) {
            assertEquals(6, left.count(), "only the images are written: the example report goes to a temporary folder");
        }
        assertTrue(log.toString().contains("exporting the report"), log.toString());
    }

    private static int distinctColours(BufferedImage picture) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < picture.getHeight(); y += 7) {
            for (int x = 0; x < picture.getWidth(); x += 7) {
                colours.add(picture.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
