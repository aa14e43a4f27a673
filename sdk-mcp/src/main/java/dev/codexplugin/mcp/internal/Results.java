package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.mcp.Content;
import dev.codexplugin.mcp.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Turns the SDK-independent content types of the API into the SDK's, for the negotiated protocol revision:
 * content a revision does not know (audio before 2025-03-26, resource links before 2025-06-18) becomes text
 * saying what it was, so an older client never receives a content type it cannot parse.
 */
final class Results {
  private final ObjectMapper mapper;

  Results(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  McpSchema.Content content(Content content, String version) {
    ObjectNode node = mapper.createObjectNode();
    if (content instanceof Content.Text text) {
      node.put("type", "text").put("text", text.text());
    } else if (content instanceof Content.Image image) {
      node.put("type", "image").put("data", image.base64()).put("mimeType", image.mimeType());
    } else if (content instanceof Content.Audio audio) {
      if (!Revisions.hasAudio(version)) {
        node.put("type", "text").put("text", "[" + audio.mimeType() + " audio left out: protocol " + version
            + " has no audio content]");
      } else {
        node.put("type", "audio").put("data", audio.base64()).put("mimeType", audio.mimeType());
      }
    } else if (content instanceof Content.EmbeddedResource resource) {
      node.put("type", "resource").set("resource", resourceNode(resource.contents()));
    } else if (content instanceof Content.ResourceLink link) {
      if (!Revisions.hasStructuredOutput(version)) {
        node.put("type", "text").put("text", "Resource " + link.name() + ": " + link.uri());
      } else {
        node.put("type", "resource_link").put("uri", link.uri()).put("name", link.name());
        if (link.description() != null) {
          node.put("description", link.description());
        }
        if (link.mimeType() != null) {
          node.put("mimeType", link.mimeType());
        }
      }
    }
    return convert(node, McpSchema.Content.class);
  }

  McpSchema.ResourceContents resource(ResourceContents contents) {
    return convert(resourceNode(contents), McpSchema.ResourceContents.class);
  }

  private ObjectNode resourceNode(ResourceContents contents) {
    ObjectNode node = mapper.createObjectNode();
    node.put("uri", contents.uri());
    if (contents.mimeType() != null) {
      node.put("mimeType", contents.mimeType());
    }
    if (contents.text() != null) {
      node.put("text", contents.text());
    } else {
      node.put("blob", contents.blob());
    }
    return node;
  }

  private <T> T convert(ObjectNode node, Class<T> type) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot build MCP " + type.getSimpleName() + " from " + node, e);
    }
  }
}
