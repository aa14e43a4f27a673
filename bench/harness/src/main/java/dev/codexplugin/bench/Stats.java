package dev.codexplugin.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Medians, percentiles and a percentile-bootstrap interval of the median; no timing of its own. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Linear interpolation between closest ranks. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return percentileSorted(v, p);
  }

  static double percentileSorted(double[] v, double p) {
    if (v.length == 1) {
      return v[0];
    }
    double rank = p / 100.0 * (v.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
  }

  /** 95 % percentile-bootstrap interval of the median (fixed seed: the same data give the same interval). */
  static double[] medianInterval(List<Double> values) {
    if (values.size() < 3) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Random random = new Random(42);
    int n = values.size();
    double[] medians = new double[2000];
    double[] sample = new double[n];
    for (int b = 0; b < medians.length; b++) {
      for (int i = 0; i < n; i++) {
        sample[i] = values.get(random.nextInt(n));
      }
      Arrays.sort(sample);
      medians[b] = percentileSorted(sample, 50);
    }
    Arrays.sort(medians);
    return new double[] {percentileSorted(medians, 2.5), percentileSorted(medians, 97.5)};
  }

  /** Element-wise a[i] / b[i]. */
  static List<Double> ratios(List<Double> a, List<Double> b) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      out.add(a.get(i) / b.get(i));
    }
    return out;
  }
}
