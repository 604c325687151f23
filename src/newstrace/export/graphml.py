"""GraphML export of the actor network (opens in Gephi, yEd, networkx, igraph)."""

from __future__ import annotations

import io

import networkx as nx

from newstrace.model import Event
from newstrace.network import actor_network
from newstrace.store import Store


def write_graphml(store: Store, kb, events: list[Event] | None) -> str:
    """Actors as nodes (label, kind, Wikidata id, event count); ties as weighted, typed edges."""
    chosen = store.events() if events is None else events
    network = actor_network(chosen)
    counts = dict(network.event_counts)
    graph = nx.Graph(name="newstrace actor network")
    for actor in sorted(set(network.actors) | set(counts)):
        entity = kb.get(actor)
        graph.add_node(
            actor,
            label=entity.canonical_name if entity else actor,
            kind=(entity.kind if entity else None) or "unknown",
            wikidata=(entity.wikidata if entity else None) or "",
            country=(entity.country if entity else None) or "",
            events=counts.get(actor, 0),
        )
    for tie in network.ties:
        main_type = max(tie.types, key=lambda kv: (kv[1], kv[0]))[0] if tie.types else ""
        graph.add_edge(
            tie.first, tie.second,
            weight=float(tie.events),
            type=main_type,
            types="; ".join(f"{t}:{n}" for t, n in tie.types),
            event_ids="; ".join(tie.event_ids),
        )
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
