//! Disjoint sets over `0..n`, for grouping linked entities and copied passages. The smaller
//! index is always the root, so groups come out in a stable order.

/// A union-find forest with path compression. Parents are kept in 32 bits: half the memory
/// of a corpus's million sentences, and four billion items would not fit anyway.
#[derive(Debug, Clone)]
pub(crate) struct UnionFind(Vec<u32>);

impl UnionFind {
    /// `n` singleton sets.
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind((0..n as u32).collect())
    }

    /// The root of `x`'s set.
    pub(crate) fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] as usize != r {
            r = self.0[r] as usize;
        }
        let mut x = x;
        while self.0[x] as usize != r {
            let next = self.0[x] as usize;
            self.0[x] = r as u32;
            x = next;
        }
        r
    }

    /// Joins the sets of `a` and `b`; returns the root of the joined set (the smaller root).
    pub(crate) fn union(&mut self, a: usize, b: usize) -> usize {
        let (a, b) = (self.find(a), self.find(b));
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.0[hi] = lo as u32;
        lo
    }
}
