package io.hnswbench.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkbenchCommandLineTest {

    @Test
    void springPropertiesAreLeftToSpringAndVerbOptionsReachTheVerbs() {
        String[] typed = {"--workbench.dataset-roots=/data", "datasets", "list", "--root", "/x", "--logging.level.root=info"};
        assertArrayEquals(new String[] {"datasets", "list", "--root", "/x"}, WorkbenchCommandLine.verbArguments(typed));
    }

    @Test
    void recordedCommandQuotesWordsAShellWouldSplit() {
        assertEquals("plain/path.txt", CreationOptions.shellQuoted("plain/path.txt"));
        assertEquals("'two words'", CreationOptions.shellQuoted("two words"));
        assertEquals("'it'\\''s'", CreationOptions.shellQuoted("it's"));
    }
}
