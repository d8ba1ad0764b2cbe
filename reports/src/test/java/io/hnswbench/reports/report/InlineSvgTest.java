package io.hnswbench.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InlineSvgTest {

    @Test
    void prologDoctypeAndCommentsAreStrippedAndAViewBoxAdded() {
        String document = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- drawn by a test -->
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <svg xmlns="http://www.w3.org/2000/svg" width="640px" height='480'><rect width="1" height="1"/></svg>
                """;

        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640px\" height='480' viewBox=\"0 0 640 480\">"
                + "<rect width=\"1\" height=\"1\"/></svg>", InlineSvg.of("c", document));
    }

    @Test
    void anExistingViewBoxIsKept() {
        String svg = "<svg viewBox='0 0 10 10' width='100' height='100'><g/></svg>";

        assertEquals(svg, InlineSvg.of("c", svg));
    }

    @Test
    void internalReferencesAndDataUrisAreAllowed() {
        String svg = "<svg><defs><clipPath id='a'/></defs><rect clip-path='url(#a)'/><use xlink:href='#a'/>"
                + "<image href='data:image/png;base64,AAAA'/></svg>";

        assertEquals(svg, InlineSvg.of("c", svg));
    }

    @Test
    void anythingReachingOutsideOrScriptedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InlineSvg.of("c", "<html><svg/></html>"));
        assertThrows(IllegalArgumentException.class, () -> InlineSvg.of("c", null));
        assertThrows(IllegalArgumentException.class,
                () -> InlineSvg.of("c", "<svg><image xlink:href='http://example.com/x.png'/></svg>"));
        assertThrows(IllegalArgumentException.class,
                () -> InlineSvg.of("c", "<svg><rect style='fill:url(https://example.com/p)'/></svg>"));
        assertThrows(IllegalArgumentException.class, () -> InlineSvg.of("c", "<svg><script>alert(1)</script></svg>"));
        assertThrows(IllegalArgumentException.class, () -> InlineSvg.of("c", "<svg onload='alert(1)'></svg>"));
    }

    @Test
    void textThatMerelyMentionsAttributesIsNotMistakenForThem() {
        String svg = "<svg><text>one = two, href = x</text></svg>";

        assertEquals(svg, InlineSvg.of("c", svg));
    }
}
