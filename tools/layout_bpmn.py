#!/usr/bin/env python3
"""Adds diagram interchange (BPMN DI) to a BPMN file written without it, so Camunda Modeler can
open it and bpmnlint can check it. A simple layered layout: columns follow the longest path from
the start event (loops are routed below), rows keep a branch on its own line. A process designer
may rearrange the diagram freely in Camunda Modeler afterwards; the engine ignores DI.

Usage: tools/layout_bpmn.py processes/appeal.bpmn   (rewrites the file in place)
(the bpmn-auto-layout npm package fails on models with loops; this is the small replacement)
"""
import sys
import xml.etree.ElementTree as ET

NS = {
    'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
    'bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
    'dc': 'http://www.omg.org/spec/DD/20100524/DC',
    'di': 'http://www.omg.org/spec/DD/20100524/DI',
}
B = '{%s}' % NS['bpmn']
COL, ROW, X0, Y0 = 170, 120, 160, 80
SIZES = {'event': (36, 36), 'gateway': (50, 50), 'task': (100, 80), 'sub': None}


def kind(tag):
    local = tag.split('}')[1]
    if local.endswith('Event'):
        return 'event'
    if local.endswith('Gateway'):
        return 'gateway'
    if local == 'subProcess':
        return 'sub'
    return 'task'


def layout(container, x_origin, y_origin):
    """Positions the flow nodes of one container; returns shapes, flows, and the used height."""
    nodes = {}
    flows = []
    for child in container:
        local = child.tag.split('}')[1]
        if local == 'sequenceFlow':
            flows.append(child)
        elif child.tag.startswith(B) and local not in ('subProcess',) and child.get('id') and (
                local.endswith('Event') or local.endswith('Gateway') or local.endswith('Task') or local == 'task'):
            nodes[child.get('id')] = child
    out = {}
    for f in flows:
        out.setdefault(f.get('sourceRef'), []).append(f)
    starts = [n for n, e in nodes.items() if e.tag == B + 'startEvent']
    # boundary events sit on their task's lower edge; what follows them hangs below (placed last)
    attached = {n: e.get('attachedToRef') for n, e in nodes.items() if e.tag == B + 'boundaryEvent'}
    hanging = {f.get('targetRef') for f in flows if f.get('sourceRef') in attached}
    # longest-path layering over forward edges (DFS back edges are loops)
    column, on_stack, back = {}, set(), set()

    def dfs(n, depth):
        if n in on_stack:
            return
        if column.get(n, -1) >= depth:
            return
        column[n] = depth
        on_stack.add(n)
        for f in out.get(n, []):
            t = f.get('targetRef')
            if t in on_stack:
                back.add(f.get('id'))
            else:
                dfs(t, depth + 1)
        on_stack.discard(n)

    for s in starts:
        dfs(s, 0)
    for n in nodes:
        column.setdefault(n, 0)
    # rows: a node continues its first parent's row where that slot is free
    row, taken = {}, set()
    order = []

    def place(n, wanted):
        if n in row:
            return
        r = wanted
        while (column[n], r) in taken:
            r += 1
        row[n] = r
        taken.add((column[n], r))
        order.append(n)
        for i, f in enumerate(out.get(n, [])):
            if f.get('id') not in back:
                place(f.get('targetRef'), r + i)

    for s in starts:
        place(s, 0)
    for n in nodes:
        if n not in attached and n not in hanging:
            place(n, 0)
    bounds = {}
    for n, e in nodes.items():
        if n in attached or n in hanging:
            continue
        w, h = SIZES[kind(e.tag)]
        cx = x_origin + column[n] * COL + 50
        cy = y_origin + row[n] * ROW + 40
        bounds[n] = (cx - w / 2, cy - h / 2, w, h)
    on_task = {}
    for n, task in attached.items():
        tx, ty, tw, th = bounds[task]
        k = on_task.get(task, 0)  # a second boundary event on the same task sits left of the first, its end lower
        on_task[task] = k + 1
        bounds[n] = (tx + tw - 30 - 40 * k, ty + th - 18, 36, 36)
        for f in flows:
            if f.get('sourceRef') == n:
                bounds[f.get('targetRef')] = (tx + tw + 14, ty + th + 12 + 50 * k, 36, 36)
    height = (max(row.values()) + 1) * ROW if row else ROW
    width = (max(column.values()) + 1) * COL if column else COL
    edges = {}
    loop = 0
    for f in flows:
        s, t = bounds[f.get('sourceRef')], bounds[f.get('targetRef')]
        sx, sy = s[0] + s[2], s[1] + s[3] / 2
        tx, ty = t[0], t[1] + t[3] / 2
        if f.get('sourceRef') in attached:
            edges[f.get('id')] = [(s[0] + s[2] / 2, s[1] + s[3]), (s[0] + s[2] / 2, ty), (tx, ty)]
        elif f.get('id') in back or tx <= sx:
            loop += 1
            low = y_origin + height + 10 * loop
            scx, tcx = s[0] + s[2] / 2, t[0] + t[2] / 2
            edges[f.get('id')] = [(scx, s[1] + s[3]), (scx, low), (tcx, low), (tcx, t[1] + t[3])]
        elif abs(sy - ty) < 1:
            edges[f.get('id')] = [(sx, sy), (tx, ty)]
        else:
            mid = tx - 30
            edges[f.get('id')] = [(sx, sy), (mid, sy), (mid, ty), (tx, ty)]
    return bounds, edges, height + 10 * loop + 20, width


def main(path):
    for prefix, uri in NS.items():
        ET.register_namespace(prefix, uri)
    ET.register_namespace('camunda', 'http://camunda.org/schema/1.0/bpmn')
    ET.register_namespace('modeler', 'http://camunda.org/schema/modeler/1.0')
    ET.register_namespace('xsi', 'http://www.w3.org/2001/XMLSchema-instance')
    tree = ET.parse(path)
    root = tree.getroot()
    for old in root.findall('bpmndi:BPMNDiagram', NS):
        root.remove(old)
    process = root.find('bpmn:process', NS)
    bounds, edges, height, width = layout(process, X0, Y0)
    subs = {}
    y = Y0 + height + 40
    for sub in process.findall('bpmn:subProcess', NS):
        inner_b, inner_e, inner_h, inner_w = layout(sub, X0 + 40, y + 30)
        bounds.update(inner_b)
        edges.update(inner_e)
        subs[sub.get('id')] = (X0, y, inner_w + 60, inner_h + 30)
        y += inner_h + 80
    diagram = ET.SubElement(root, '{%s}BPMNDiagram' % NS['bpmndi'], id=process.get('id') + '-diagram')
    plane = ET.SubElement(diagram, '{%s}BPMNPlane' % NS['bpmndi'], id=process.get('id') + '-plane',
                          bpmnElement=process.get('id'))

    def shape(element_id, b, expanded=None):
        attrs = {'id': element_id + '_di', 'bpmnElement': element_id}
        if expanded is not None:
            attrs['isExpanded'] = 'true'
        s = ET.SubElement(plane, '{%s}BPMNShape' % NS['bpmndi'], attrs)
        ET.SubElement(s, '{%s}Bounds' % NS['dc'], x=str(int(b[0])), y=str(int(b[1])), width=str(int(b[2])),
                      height=str(int(b[3])))

    for sid, b in subs.items():
        shape(sid, b, expanded=True)
    for nid, b in bounds.items():
        shape(nid, b)
    for fid, points in edges.items():
        e = ET.SubElement(plane, '{%s}BPMNEdge' % NS['bpmndi'], id=fid + '_di', bpmnElement=fid)
        for px, py in points:
            ET.SubElement(e, '{%s}waypoint' % NS['di'], x=str(int(px)), y=str(int(py)))
    ET.indent(tree, space='  ')
    tree.write(path, encoding='UTF-8', xml_declaration=True)


if __name__ == '__main__':
    main(sys.argv[1])
