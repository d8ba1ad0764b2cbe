package io.hnswbench.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void withoutATerminalItPrintsALinePerTenthAndPerStage() {
        StringWriter text = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress(new PrintWriter(text), false)) {
            for (int done = 0; done <= 1000; done++) {
                progress.update("embedding", done, 1000);
            }
            progress.update("ground truth", 5, 10);
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(12, lines.size(), text.toString());
        assertTrue(lines.get(0).startsWith("embedding") && lines.get(0).contains("  0%"), lines.get(0));
        assertTrue(lines.get(10).contains("100%") && lines.get(10).contains("1,000/1,000"), lines.get(10));
        assertTrue(lines.get(11).startsWith("ground truth") && lines.get(11).contains(" 50%"), lines.get(11));
    }

    @Test
    void onATerminalItRedrawsOneLinePerStage() {
        StringWriter text = new StringWriter();
        try (TerminalProgress progress = new TerminalProgress(new PrintWriter(text), true)) {
            progress.update("build", 0, 100);
            progress.update("build", 100, 100);
            progress.update("search", 1, 1);
        }
        String printed = text.toString();
        assertEquals(2, printed.chars().filter(c -> c == '\n').count(), "one finished line per stage: " + printed);
        assertTrue(printed.startsWith("\rbuild"), printed);
        assertTrue(printed.contains("\rsearch"), printed);
    }
}
