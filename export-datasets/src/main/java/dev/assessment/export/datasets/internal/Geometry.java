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
package dev.assessment.export.datasets.internal;

import dev.assessment.export.spi.Polygon;
import java.util.ArrayList;
import java.util.List;

/** Polygon area, bounding box and clipping, in the image's pixel coordinates. */
final class Geometry {
  private Geometry() {}

  /** The area of a simple polygon (the shoelace formula), always positive. */
  static double area(List<Polygon.Point> points) {
    double twice = 0;
    int n = points.size();
    for (int i = 0; i < n; i++) {
      Polygon.Point a = points.get(i);
      Polygon.Point b = points.get((i + 1) % n);
      twice += a.x() * b.y() - b.x() * a.y();
    }
    return Math.abs(twice) / 2;
  }

  /** The bounding box as COCO writes it: {@code [x, y, width, height]}. */
  static double[] bbox(List<Polygon.Point> points) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Polygon.Point p : points) {
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.y());
    }
    return new double[] {minX, minY, maxX - minX, maxY - minY};
  }

  /**
   * Clips a polygon to the rectangle {@code [0, width] × [0, height]} (Sutherland–Hodgman, one edge
   * of the rectangle at a time).
   *
   * @return the clipped ring, open; fewer than three points when nothing of it is inside
   */
  static List<Polygon.Point> clip(List<Polygon.Point> points, double width, double height) {
    List<Polygon.Point> ring = points;
    for (int edge = 0; edge < 4 && !ring.isEmpty(); edge++) {
      List<Polygon.Point> out = new ArrayList<>(ring.size() + 4);
      for (int i = 0; i < ring.size(); i++) {
        Polygon.Point current = ring.get(i);
        Polygon.Point previous = ring.get((i + ring.size() - 1) % ring.size());
        boolean in = inside(current, edge, width, height);
        boolean wasIn = inside(previous, edge, width, height);
        if (in != wasIn) {
          out.add(cross(previous, current, edge, width, height));
        }
        if (in) {
          out.add(current);
        }
      }
      ring = out;
    }
    return ring;
  }

  private static boolean inside(Polygon.Point p, int edge, double width, double height) {
    return switch (edge) {
      case 0 -> p.x() >= 0;
      case 1 -> p.x() <= width;
      case 2 -> p.y() >= 0;
      default -> p.y() <= height;
    };
  }

  /** Where the segment from a to b crosses an edge of the rectangle. */
  private static Polygon.Point cross(
      Polygon.Point a, Polygon.Point b, int edge, double width, double height) {
    double bound =
        switch (edge) {
          case 0, 2 -> 0;
          case 1 -> width;
          default -> height;
        };
    if (edge < 2) {
      double t = (bound - a.x()) / (b.x() - a.x());
      return new Polygon.Point(bound, a.y() + t * (b.y() - a.y()));
    }
    double t = (bound - a.y()) / (b.y() - a.y());
    return new Polygon.Point(a.x() + t * (b.x() - a.x()), bound);
  }
}
