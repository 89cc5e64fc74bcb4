package dev.assessment.export.example;

/** Placeholder replaced by the command-line host. */
public final class Main {
  private Main() {}

  /**
   * Entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {}
}
