package dev.scripttracker.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textAndAttributeValues_areEscaped() {
        String html = new Html().element("td", "<b>&\"'</b>", "title", "\" onmouseover=\"alert(1)").toString();

        assertEquals("<td title=\"&quot; onmouseover=&quot;alert(1)\">&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;</td>", html);
    }

    @Test
    void aNullAttributeIsLeftOut_andANulCharacterIsReplaced() {
        assertEquals("<option>a\uFFFDb</option>", new Html().element("option", "a\0b", "selected", null).toString());
    }
}
