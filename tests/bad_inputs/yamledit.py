#!/usr/bin/python3
"""yamledit.py — apply the text edits of one bad-input case to a copy of a case file.

Works on the text (not a YAML round trip) so that the edited file keeps the base file's layout and
line numbers except where an edit changes them. Only block mappings are addressed (dotted paths).

usage: yamledit.py FILE EDITS      (FILE is edited in place; EDITS holds one operation a line)
  set KEY VALUE     replace the value of KEY (a scalar line); create KEY (and parents) if absent
  delete KEY        remove KEY's line and everything indented below it
  dup KEY           write KEY's line a second time right after it (a duplicate key)
  append TEXT       add TEXT as the last line
  insert N TEXT     insert TEXT before line N (1-based)
$W in VALUE/TEXT is replaced by the case's work directory (environment variable W).
Exit 3 with a message if a KEY is not found (the case no longer fits the base file).
"""
import os
import re
import sys

KEY_RE = re.compile(r"^(\s*)([A-Za-z0-9_]+)\s*:(.*)$")


def find(lines, path):
    """index of the line holding dotted path, and its indent; None if absent."""
    parts = path.split(".")
    stack = []  # (indent, key)
    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = KEY_RE.match(line)
        if not m:
            continue
        ind = len(m.group(1))
        while stack and stack[-1][0] >= ind:
            stack.pop()
        stack.append((ind, m.group(2)))
        if [k for _, k in stack] == parts:
            return i, ind
    return None


def ensure(lines, path):
    """line index and indent of path, creating it (and missing parents) as empty mappings."""
    hit = find(lines, path)
    if hit:
        return hit
    parent, _, leaf = path.rpartition(".")
    if not parent:
        while lines and not lines[-1].strip():
            lines.pop()
        lines.append(leaf + ":")
        lines.append("")
        return len(lines) - 2, 0
    pi, pind = ensure(lines, parent)
    if lines[pi].split(":", 1)[1].split("#")[0].strip():
        die("set: %s holds a value, cannot add %s under it" % (parent, leaf))
    lines.insert(pi + 1, " " * (pind + 2) + leaf + ":")
    return pi + 1, pind + 2


def block_end(lines, i, ind):
    j = i + 1
    while j < len(lines):
        s = lines[j]
        if s.strip() and not s.lstrip().startswith("#") and len(s) - len(s.lstrip()) <= ind:
            break
        j += 1
    return j


def die(msg):
    print("yamledit: " + msg, file=sys.stderr)
    sys.exit(3)


def main():
    path, edits = sys.argv[1], sys.argv[2]
    work = os.environ.get("W", "")
    with open(path) as f:
        lines = f.read().split("\n")
    for op in open(edits).read().split("\n"):
        if not op.strip() or op.startswith("#"):
            continue
        op = op.replace("$W", work)
        verb, _, rest = op.partition(" ")
        if verb == "set":
            key, _, value = rest.partition(" ")
            i, ind = ensure(lines, key)
            lines[i] = " " * ind + key.split(".")[-1] + ": " + value
        elif verb == "delete":
            hit = find(lines, rest) or die("delete: %s not in the base file" % rest)
            i, ind = hit
            del lines[i:block_end(lines, i, ind)]
        elif verb == "dup":
            hit = find(lines, rest) or die("dup: %s not in the base file" % rest)
            lines.insert(hit[0] + 1, lines[hit[0]])
        elif verb == "append":
            while lines and not lines[-1].strip():
                lines.pop()
            lines.append(rest)
            lines.append("")
        elif verb == "insert":
            n, _, text = rest.partition(" ")
            lines.insert(int(n) - 1, text)
        else:
            die("unknown operation '%s'" % verb)
    with open(path, "w") as f:
        f.write("\n".join(lines))


main()
