package dev.codexplugin.hooks;

import static com.google.common.truth.Truth.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void agreesWithInstantToStringAtMillisecondPrecision() {
    Random random = new Random(7);
    long[] fixed = {0L, 951_782_400_000L, 1_709_164_800_123L, 4_102_444_799_999L, 253_402_300_799_999L};
    for (long millis : fixed) {
      assertThat(Times.iso(millis)).isEqualTo(iso(millis));
    }
    for (int i = 0; i < 10_000; i++) {
      long millis = (long) (random.nextDouble() * 253_402_300_799_999L);
      assertThat(Times.iso(millis)).isEqualTo(iso(millis));
    }
  }

  /** {@code Instant.toString()} always with three fraction digits. */
  private static String iso(long millis) {
    Instant instant = Instant.ofEpochMilli(millis);
    String text = instant.truncatedTo(ChronoUnit.SECONDS).toString();
    return text.substring(0, text.length() - 1) + String.format(".%03dZ", millis % 1000);
  }
}
