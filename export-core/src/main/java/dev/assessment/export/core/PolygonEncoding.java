package dev.assessment.export.core;

/** How the CSV layouts write a location polygon. */
public enum PolygonEncoding {
  /**
   * Well-known text, ring closed: {@code POLYGON ((10 20, 60 20, 60 50, 10 20))}; a polygon
   * without points is {@code POLYGON EMPTY}.
   */
  WKT,
  /** A JSON array of {@code [x,y]} pairs, ring not repeated: {@code [[10,20],[60,20],[60,50]]}. */
  JSON
}
