package dev.assessment.export.spi;

import java.util.Objects;

/**
 * An attribute that a workflow defines: its name and the type of its values.
 *
 * @param name the attribute's name, unique within its workflow, never empty
 * @param type the type of the attribute's values
 */
public record AttributeDefinition(String name, AttributeType type) {
  /**
   * Creates the attribute definition, checking and copying its components.
   *
   * @param name the attribute's name, unique within its workflow, never empty
   * @param type the type of the attribute's values
   * @throws IllegalArgumentException if the name is empty
   */
  public AttributeDefinition {
    Checks.id(name, "attribute name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Returns a definition.
   *
   * @param name the attribute's name
   * @param type the type of its values
   * @return the definition
   * @throws IllegalArgumentException if the name is empty
   */
  public static AttributeDefinition of(String name, AttributeType type) {
    return new AttributeDefinition(name, type);
  }
}
