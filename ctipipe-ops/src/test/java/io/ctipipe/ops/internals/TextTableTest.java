package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsTwoSpacesApartWithoutTrailingSpaces() {
        TextTable table =
                new TextTable("P", "NAME", "NOTE").row(0, "alpha", null).row(12, "b", "x");

        assertThat(table.render())
                .isEqualTo("P   NAME   NOTE\n" + "0   alpha  -\n" + "12  b      x\n");
    }

    @Test
    void cutsLongCellsExceptInTheLastColumn() {
        String longText = "y".repeat(70);

        String rendered = new TextTable("A", "B").row(longText, longText).render();

        assertThat(rendered).contains("y".repeat(57) + "...  " + longText);
    }

    @Test
    void foldsLineBreaksInCells() {
        assertThat(new TextTable("A").row("two\nlines").render()).isEqualTo("A\ntwo lines\n");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("A", "B").row(1))
                .hasMessageContaining("row has 1 cells, table has 2");
    }
}
