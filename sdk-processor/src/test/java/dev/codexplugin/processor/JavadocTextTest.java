package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Javadoc text of schema descriptions, and the white space rule it shares with tool descriptions. */
class JavadocTextTest {
  @Test
  void collapseIsReplaceAllOfWhiteSpaceRuns() {
    String alphabet = " \t\n\u000B\f\r\u00A0\u2003ab.{}@";
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      assertThat(JavadocText.collapse(s)).isEqualTo(s.replaceAll("\\s+", " "));
    }
  }

  @Test
  void collapseKeepsTheStringWhenThereIsNothingToReplace() {
    String text = "Adds two integers. Use it for sums.";
    assertThat(JavadocText.collapse(text)).isSameInstanceAs(text);
  }

  @Test
  void inlineTagsKeepTheirTextAndWhiteSpaceCollapses() {
    JavadocText doc = JavadocText.parse("""
         Finds an {@code Account}  by\tits id;
         see {@link Accounts#open the opener}.

         @param id   the {@linkplain Accounts#find id}
            of the account
         @return the account, {@literal if any}
        """);
    assertThat(doc.main()).hasValue("Finds an Account by its id; see the opener.");
    assertThat(doc.param("id")).hasValue("the id of the account");
    assertThat(doc.returns()).hasValue("the account, if any");
  }

  @Test
  void theFirstSentenceEndsAtAPeriodBeforeWhiteSpace() {
    assertThat(ToolRound.firstSentence("Adds  two\nintegers. Then more.")).isEqualTo("Adds two integers.");
    assertThat(ToolRound.firstSentence("Version 1.2 of it")).isEqualTo("Version 1.2 of it");
  }
}
