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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assessment.export.spi.Polygon;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Areas, boxes and clipping against an independent computation: Java 2D's own path, sampled on a
 * fine grid, and its bounds.
 */
class GeometryTest {
  private static final List<Polygon> POLYGONS =
      List.of(
          Polygon.of(0, 0, 10, 0, 10, 10),
          Polygon.of(5, 5, 15, 5, 15, 25, 5, 25),
          Polygon.of(10.5, 20, 60, 20, 60, 50.25),
          // concave: an L
          Polygon.of(0, 0, 20, 0, 20, 5, 5, 5, 5, 20, 0, 20),
          // clockwise, with fractions
          Polygon.of(3.25, 1.5, 1.75, 12.5, 14.5, 9.75, 11, 2));

  private static Path2D path(List<Polygon.Point> points) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(points.get(0).x(), points.get(0).y());
    for (Polygon.Point q : points.subList(1, points.size())) {
      p.lineTo(q.x(), q.y());
    }
    p.closePath();
    return p;
  }

  /** The area inside a path, counted on a grid of 0.05 × 0.05 cells, within a rectangle. */
  private static double sampled(Path2D path, Rectangle2D within) {
    double step = 0.05;
    Rectangle2D b = path.getBounds2D().createIntersection(within);
    long inside = 0;
    for (double y = b.getMinY() + step / 2; y < b.getMaxY(); y += step) {
      for (double x = b.getMinX() + step / 2; x < b.getMaxX(); x += step) {
        if (path.contains(x, y)) {
          inside++;
        }
      }
    }
    return inside * step * step;
  }

  @Test
  void area_agreesWithSampling() {
    Rectangle2D everywhere = new Rectangle2D.Double(-1000, -1000, 2000, 2000);
    for (Polygon p : POLYGONS) {
      double expected = sampled(path(p.points()), everywhere);
      double actual = Geometry.area(p.points());
      assertEquals(expected, actual, expected * 0.01, p.toString());
    }
  }

  @Test
  void bbox_agreesWithTheBoundsOfJava2d() {
    for (Polygon p : POLYGONS) {
      Rectangle2D b = path(p.points()).getBounds2D();
      assertArrayEquals(
          new double[] {b.getX(), b.getY(), b.getWidth(), b.getHeight()},
          Geometry.bbox(p.points()),
          1e-9,
          p.toString());
    }
  }

  @Test
  void clip_keepsWhatLiesInsideTheImage() {
    Rectangle2D image = new Rectangle2D.Double(0, 0, 12, 9);
    for (Polygon p : POLYGONS) {
      List<Polygon.Point> clipped = Geometry.clip(p.points(), 12, 9);
      double expected = sampled(path(p.points()), image);
      double actual = clipped.size() < 3 ? 0 : Geometry.area(clipped);
      assertEquals(expected, actual, Math.max(0.05, expected * 0.01), p.toString());
      for (Polygon.Point q : clipped) {
        assertTrue(q.x() >= 0 && q.x() <= 12 && q.y() >= 0 && q.y() <= 9, q + " of " + p);
      }
    }
  }

  @Test
  void clip_ofAPolygonOutsideIsEmpty() {
    assertEquals(List.of(), Geometry.clip(Polygon.of(30, 30, 40, 30, 40, 40).points(), 20, 20));
  }
}
