/*
 * Copyright 2025-2026 The Assessment Export Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.assessment.export.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A location polygon in the pixel coordinates of the image as displayed: origin top-left, x to the
 * right, y down.
 *
 * <p>The ring is stored open: trailing points that repeat the first are dropped, so that a closed
 * and an open ring of the same points are equal. A polygon with fewer than three points or with
 * non-finite coordinates is accepted here; an export reports it (see {@link #isDrawable()}).
 *
 * @param points the ring's points in order; copied
 * @since 0.2
 */
public record Polygon(List<Point> points) {
  /**
   * Creates the polygon, checking and copying its components.
   *
   * @param points the ring's points in order; copied
   * @since 0.2
   */
  public Polygon {
    List<Point> copy = List.copyOf(points);
    int size = copy.size();
    while (size > 1 && copy.get(0).equals(copy.get(size - 1))) {
      size--;
    }
    points = size == copy.size() ? copy : List.copyOf(copy.subList(0, size));
  }

  /**
   * Returns a polygon from alternating x and y coordinates.
   *
   * @param xy {@code x0, y0, x1, y1, …}
   * @return the polygon
   * @throws IllegalArgumentException if an odd number of coordinates is given
   * @since 0.2
   */
  public static Polygon of(double... xy) {
    if (xy.length % 2 != 0) {
      throw new IllegalArgumentException(
          "coordinates come in x, y pairs, got " + xy.length + " numbers");
    }
    List<Point> points = new ArrayList<>(xy.length / 2);
    for (int i = 0; i < xy.length; i += 2) {
      points.add(new Point(xy[i], xy[i + 1]));
    }
    return new Polygon(points);
  }

  /**
   * Tells whether the polygon has at least three points and only finite coordinates.
   *
   * @return true when it encloses an area that can be drawn and written
   * @since 0.2
   */
  public boolean isDrawable() {
    return points.size() >= 3 && isFinite();
  }

  /**
   * Tells whether every coordinate is finite.
   *
   * @return true when no coordinate is NaN or infinite
   * @since 0.2
   */
  public boolean isFinite() {
    for (Point p : points) {
      if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A point of a polygon, in image pixels.
   *
   * @param x the distance from the left edge
   * @param y the distance from the top edge
   * @since 0.2
   */
  public record Point(double x, double y) {
    /**
     * Creates the point, checking and copying its components.
     *
     * @param x the distance from the left edge
     * @param y the distance from the top edge
     * @since 0.2
     */
    public Point {
      if (x == 0.0) {
        x = 0.0;
      }
      if (y == 0.0) {
        y = 0.0;
      }
    }
  }
}
