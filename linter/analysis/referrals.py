"""The graph of referral-only answers, worked out once per document.

Answers that only refer ("zie het antwoord op vraag 28") point at other
answers. QA206, QA303 and QA304 ask where such referrals lead; following
them from every answer anew costs the length of every chain for every
answer (cubic on 2,000 answers each referring to the previous one). Here
the graph is analysed once, in time linear in answers and referrals:
strongly connected components give what every answer finally reaches and
whether it lies on a cycle; the first referral of each answer gives the
chain that QA303 and QA304 describe.
"""

from __future__ import annotations

from .model import REFERRAL, Structure

# A longer chain is described by its first answers and its last one.
_SHOWN = 8
_SHOWN_HEAD = 4


class Referrals:
    def __init__(self, structure: Structure) -> None:
        self.structure = structure
        items = structure.items
        # The items each referral-only answer refers to (not itself), in order.
        self.targets: list[list[int]] = [[] for _ in items]
        for position, item in enumerate(items):
            if item.kind != REFERRAL:
                continue
            for number in item.referral_targets:
                target = structure.by_number.get(number)
                if target is not None and target != position:
                    self.targets[position].append(target)
        self._components()
        self._first_referrals()

    # -- what every answer reaches (all its referrals) ---------------------
    def _components(self) -> None:
        """Tarjan's strongly connected components, without recursion. Each
        component is finished after every component it leads to, so what
        it reaches is known from theirs."""
        count = len(self.targets)
        index = [-1] * count
        low = [0] * count
        on_stack = [False] * count
        stack: list[int] = []
        self.component = [-1] * count
        self.component_size: list[int] = []
        self.component_reaches: list[frozenset[int]] = []
        counter = 0
        for root in range(count):
            if index[root] >= 0:
                continue
            work = [(root, 0)]
            while work:
                node, edge = work.pop()
                if edge == 0:
                    index[node] = low[node] = counter
                    counter += 1
                    stack.append(node)
                    on_stack[node] = True
                if edge < len(self.targets[node]):
                    work.append((node, edge + 1))
                    target = self.targets[node][edge]
                    if index[target] < 0:
                        work.append((target, 0))
                    elif on_stack[target]:
                        low[node] = min(low[node], index[target])
                    continue
                if low[node] == index[node]:
                    self._finish_component(node, stack, on_stack)
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])

    def _finish_component(self, head: int, stack: list[int], on_stack: list[bool]) -> None:
        members = []
        while True:
            node = stack.pop()
            on_stack[node] = False
            members.append(node)
            if node == head:
                break
        number = len(self.component_size)
        for node in members:
            self.component[node] = number
        items = self.structure.items
        own: set[int] = set()
        inherited: dict[int, frozenset[int]] = {}
        for node in members:
            for target in self.targets[node]:
                if items[target].kind != REFERRAL:
                    own.add(target)
                elif self.component[target] != number:
                    reached = self.component_reaches[self.component[target]]
                    inherited[id(reached)] = reached
        if not own and len(inherited) == 1:
            reaches = next(iter(inherited.values()))  # a chain shares one set
        else:
            reaches = frozenset(own).union(*inherited.values())
        self.component_size.append(len(members))
        self.component_reaches.append(reaches)

    def reaches(self, position: int) -> frozenset[int]:
        """The answers that are not referrals which referrals from `position` lead to."""
        return self.component_reaches[self.component[position]]

    def on_cycle(self, position: int) -> bool:
        """Whether referrals from `position` lead back to it."""
        return self.component_size[self.component[position]] > 1

    def mark_reachable(self, position: int, marked: set[int]) -> None:
        """Add `position` and every answer its referrals lead to to `marked`.
        A marked answer's own reach is marked already, so each is visited once."""
        if position in marked:
            return
        marked.add(position)
        work = [position]
        while work:
            for target in self.targets[work.pop()]:
                if target not in marked:
                    marked.add(target)
                    work.append(target)

    # -- the chain through first referrals ---------------------------------
    def _first_referrals(self) -> None:
        """Following each referral-only answer's first referral: where the
        walk ends (an answer that is no referral, or one whose referrals
        lead nowhere) and in how many steps, or the cycle it runs into."""
        items = self.structure.items
        count = len(items)
        self.next = [
            targets[0] if targets and item.kind == REFERRAL else None
            for item, targets in zip(items, self.targets)
        ]
        self.end: list[int | None] = [None] * count  # None: the walk runs into a cycle
        self.steps = [0] * count  # to the end, or to the cycle's first answer
        self.entry: list[int | None] = [None] * count
        self.cycle_length = [0] * count
        state = [0] * count  # 0 new, 1 on the current walk, 2 done
        for start in range(count):
            walk = []
            node = start
            while node is not None and state[node] == 0:
                state[node] = 1
                walk.append(node)
                node = self.next[node]
            if node is not None and state[node] == 1:  # a new cycle, from `node` on
                cycle = walk[walk.index(node):]
                for member in cycle:
                    self.entry[member], self.cycle_length[member], state[member] = member, len(cycle), 2
                walk = walk[: len(walk) - len(cycle)]
            elif walk and node is None:  # the walk's last answer ends it
                last = walk.pop()
                self.end[last], state[last] = last, 2
            for member in reversed(walk):
                following = self.next[member]
                self.end[member] = self.end[following]
                self.entry[member] = self.entry[following]
                self.cycle_length[member] = self.cycle_length[following]
                self.steps[member] = self.steps[following] + 1
                state[member] = 2
        self._tree_intervals()

    def _tree_intervals(self) -> None:
        """Entry and exit numbers of a walk over the trees that first
        referrals form towards their ends, to tell in constant time whether
        one answer lies on another's walk."""
        count = len(self.next)
        children: list[list[int]] = [[] for _ in range(count)]
        for node, following in enumerate(self.next):
            if following is not None and self.end[node] is not None:
                children[following].append(node)
        self.enter = [0] * count
        self.leave = [0] * count
        clock = 0
        for root in range(count):
            if self.end[root] != root:
                continue
            work = [(root, False)]
            while work:
                node, done = work.pop()
                if done:
                    self.leave[node] = clock
                    continue
                self.enter[node] = clock
                clock += 1
                work.append((node, True))
                work.extend((child, False) for child in children[node])

    def chain_end(self, start: int, middle: int) -> int | None:
        """The answer that the chain start -> middle -> ... finally reaches
        through first referrals; None when the chain runs in a cycle."""
        end = self.end[middle]
        if end is None:
            return None
        on_walk = self.end[start] == end and self.enter[start] <= self.enter[middle] < self.leave[start]
        return None if on_walk else end

    def walk_text(self, first: list[int], position: int) -> str:
        """`first` then the walk from `position` through first referrals (to
        its end, or round its cycle back to where the cycle starts), as
        answer numbers; a long one by its first answers and its last."""
        if self.end[position] is not None:
            length, last = self.steps[position] + 1, self.end[position]
        else:
            length, last = self.steps[position] + self.cycle_length[position] + 1, self.entry[position]
        length += len(first)
        shown = list(first)
        node = position
        while len(shown) < (length if length <= _SHOWN else _SHOWN_HEAD):
            shown.append(node)
            node = self.next[node]
        if length > _SHOWN:
            shown += [None, last]
        items = self.structure.items
        return " -> ".join(
            "…" if p is None else str(items[p].numbers[0]) for p in shown if p is None or items[p].numbers
        )
