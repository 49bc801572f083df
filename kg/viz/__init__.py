"""The network page: any graph of the contract -> one self-contained ``graph.html`` (own canvas renderer).

Node semantics (what a node count on the page means):

- **Nodes** are exactly the IRI resources typed with one of the classes of ``kg.viz.style.STYLES``: hc:Person,
  hc:Post, hc:Organization, hc:GovernmentBody, hc:Facility, hc:HealthcareFacility, hc:SocialFacility,
  hc:Venue, hc:Region, hc:Settlement, hc:Country, hc:Event, hc:Indicator and hc:Article. A resource with
  several of these types is one node, drawn as the first of them in the style table (the most specific).
  So the node count equals ``SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c . VALUES ?c { <those classes> }
  FILTER isIRI(?s) }`` over the same graph (``node_count_query()`` gives that query).
- **Mentions** (hc:Mention) are not nodes: they are the side panel's source sentences (article + quoted
  text + offsets), from the resource's ``hc:denotedBy`` and from ``hc:evidence`` of the resource or of a
  tenure naming it. A mention also ties its resource to its article (a dashed "упомянут в" edge).
- **Tenures** (hc:Tenure) are not nodes: each becomes the person -> post ``hc:holdsPost`` edge (merged with
  the shortcut triple when present), carrying the acting flag and dates; its evidence and source articles
  count for both the person and the post.
- **SKOS concepts** (roles, event kinds, facility kinds and statuses) are not nodes: they are properties
  shown with their ontology labels, and they name posts and events that have no rdfs:label.
- **Articles** are nodes (dashed edges to what they state); the article filter shows one article's nodes.
- **Edges** are the triples between two nodes, labelled with the property's ontology label.
- Node size is the number of stated relations (article links left out); for articles, how many resources they name.
- Above ``REDUCE_ABOVE`` nodes the page opens on groups (bounded label propagation, ``kg.viz.groups``), each
  named after its dominant region or person; a group expands on click, "show all" shows every node.
- Above ``MAX_NODES`` the page embeds the most connected nodes and a name index of all the others (search
  finds every name and says which ``kg page --focus`` command shows it). ``kg page`` slices a graph by a
  resource, a region, an article or a date range (``kg.viz.focus``).
- Positions are computed in Python (``kg.viz.layout``) and drawn on a canvas by the page's own renderer: no
  physics, drawing in time-sliced chunks, labels at a fixed screen size chosen by importance.

Safety: every label and quote is untrusted. The data sits in a ``<script type="application/json">`` with
``< > &`` U+2028 U+2029 escaped, and the page builds its DOM with text nodes only; a Content-Security-Policy
allows just the page's own inline script (by hash) and no request at all. Bidi controls are removed from
every literal on reading (``kg.viz.triples.clean``). The same graph gives the same bytes.
"""
from __future__ import annotations

from .focus import Focus
from .page import MAX_NODES, REDUCE_ABOVE, render_page, write_page
from .style import NODE_CLASSES, STYLES

__all__ = ["render_page", "write_page", "node_count_query", "Focus", "NODE_CLASSES", "STYLES", "REDUCE_ABOVE",
           "MAX_NODES"]


def node_count_query() -> str:
    """SPARQL counting the resources the page draws as nodes."""
    values = " ".join(f"hc:{key}" for key in NODE_CLASSES)
    return ("PREFIX hc: <https://w3id.org/hckg/ontology#>\n"
            f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c . VALUES ?c {{ {values} }} FILTER isIRI(?s) }}")
