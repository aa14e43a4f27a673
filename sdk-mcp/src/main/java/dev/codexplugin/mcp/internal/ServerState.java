package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What every handler of one server shares: the calls in flight, the sessions' revisions, the mappers. */
final class ServerState {
  private final Calls calls = new Calls();
  private final Sessions sessions = new Sessions();
  private final ObjectMapper mapper;
  private final Results results;

  ServerState(ObjectMapper mapper) {
    this.mapper = mapper;
    this.results = new Results(mapper);
  }

  Calls calls() {
    return calls;
  }

  Sessions sessions() {
    return sessions;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  Results results() {
    return results;
  }
}
