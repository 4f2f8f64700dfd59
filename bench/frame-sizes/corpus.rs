// Rust side of the frame-size corpus: the functions of corpus.c, same names.
// Build: rustc -O --edition 2021 corpus.rs ; prints "name<TAB>size_of_val(future)".
// Pend/pend, consume, use_u64, produce, sum and P0-P8 are copied from
// /work/shared/anchors/layout-research/frames.rs. P7 here awaits callees
// directly (like corpus.c), not the anchors' `wrap(f: F)` by-value futures.
use std::future::Future;
use std::hint::black_box;
use std::mem::size_of_val;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

static FLIP: AtomicBool = AtomicBool::new(false);
/// Zero-sized awaitee that really suspends once.
struct Pend;
impl Future for Pend {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if FLIP.swap(false, Ordering::Relaxed) {
            Poll::Ready(())
        } else {
            FLIP.store(true, Ordering::Relaxed);
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}
fn pend() -> Pend { Pend }

#[inline(never)] fn consume<T: ?Sized>(x: &T) { black_box(x); }
#[inline(never)] fn use_u64(x: u64) { black_box(x); }
#[inline(never)] fn produce() -> u64 { black_box(42) }
#[inline(never)] fn sum(a: &[u8]) -> u64 { black_box(a).iter().map(|&x| x as u64).sum() }

async fn p0_empty() { pend().await; }
async fn p1_arg(arg: [u8; 4096]) { pend().await; consume(&arg); }
async fn p2_branches(c: bool) {
    if c { let a = [1u8; 4096]; consume(&a); pend().await; consume(&a); }
    else { let b = [2u8; 4096]; consume(&b); pend().await; consume(&b); }
}
async fn p3_seq() {
    { let a = [1u8; 4096]; consume(&a); pend().await; consume(&a); }
    { let b = [2u8; 4096]; consume(&b); pend().await; consume(&b); }
}
async fn p4_prefix() {
    { let a = [1u8; 4096]; consume(&a); pend().await; pend().await; consume(&a); }
    { let b = [2u8; 4096]; consume(&b); pend().await; consume(&b); }
}
async fn p5_borrowed() {
    let a = [1u8; 4096];
    let s = sum(&a);
    pend().await;
    use_u64(s);
}
async fn p5_scoped() {
    let s;
    { let a = [1u8; 4096]; s = sum(&a); }
    pend().await;
    use_u64(s);
}
macro_rules! step { () => { { let x = produce(); pend().await; use_u64(x); } } }
async fn p6_scalars() {
    step!(); step!(); step!(); step!(); step!(); step!(); step!(); step!();
    step!(); step!(); step!(); step!(); step!(); step!(); step!(); step!();
}
macro_rules! stepf { ($x:ident) => { let $x = produce(); pend().await; use_u64($x); } }
async fn p6_flat() {
    stepf!(x0); stepf!(x1); stepf!(x2); stepf!(x3); stepf!(x4); stepf!(x5); stepf!(x6); stepf!(x7);
    stepf!(x8); stepf!(x9); stepf!(x10); stepf!(x11); stepf!(x12); stepf!(x13); stepf!(x14); stepf!(x15);
}
async fn p7_leaf() { let a = [1u8; 4096]; consume(&a); pend().await; consume(&a); }
async fn p7_nest1() { p7_leaf().await; }
async fn p7_nest2() { p7_nest1().await; }
async fn p7_nest3() { p7_nest2().await; }
#[allow(dead_code)] #[repr(align(64))] struct A64([u8; 4096]);
async fn p8_align(c: bool) {
    if c { let a = [1u8; 8192]; consume(&a); pend().await; consume(&a); }
    else { let b = A64([2u8; 4096]); consume(&b); pend().await; consume(&b); }
}
async fn loop_buf(n: i32) {
    for i in 0..n {
        let buf = [i as u8; 1024]; consume(&buf);
        pend().await;
        consume(&buf);
    }
}
async fn fetch(x: u64) -> u64 { let y = produce(); pend().await; x + y }
async fn loop_accum(n: i32) -> u64 {
    let mut total = 0u64;
    for i in 0..n { total += fetch(i as u64).await; }
    total
}
async fn do_while(n: i32) {
    let mut i = 0;
    loop {
        let v = produce(); pend().await; use_u64(v + i as u64);
        i += 1;
        if i >= n { break; }
    }
}
async fn switch_cases(k: i32) {
    match k {
        0 => { let a = [1u8; 512]; consume(&a); pend().await; consume(&a); }
        1 => { let b = [2u64; 128]; consume(&b); pend().await; consume(&b); }
        2 => { let d = produce() as f64; pend().await; consume(&d); }
        _ => { pend().await; }
    }
}
async fn goto_retry(n: i32) {
    let mut tries = 0;
    loop {
        { let buf = [tries as u8; 256]; consume(&buf); pend().await; consume(&buf); }
        tries += 1;
        if tries >= n { break; }
    }
    pend().await;
}
async fn mixed_align() {
    let c = produce() as i8;
    let s = produce() as i16;
    pend().await;
    let d = produce() as f64;
    pend().await;
    use_u64((c as u64).wrapping_add(d as u64));
    let e = produce() as i8;
    pend().await;
    use_u64((s as u64).wrapping_add(e as u64));
}
async fn arr_live() {
    let mut v = [0u32; 64];
    for i in 0..64 { v[i] = produce() as u32; }
    pend().await;
    let mut s = 0u64;
    for i in 0..64 { s += v[i] as u64; }
    use_u64(s);
}
async fn arr_dead() {
    let mut v = [0u32; 1024];
    for i in 0..1024 { v[i] = produce() as u32; }
    let mut s = 0u64;
    for i in 0..1024 { s += v[i] as u64; }
    pend().await;
    use_u64(s);
}
async fn big_first() {
    let mut big = [0u8; 16384];
    for i in 0..16384 { big[i] = produce() as u8; }
    let mut h = 0u64;
    for i in 0..16384 { h = h.wrapping_mul(31).wrapping_add(big[i] as u64); }
    pend().await;
    let x = produce();
    pend().await;
    use_u64(h.wrapping_add(x));
}
async fn never_meet() {
    let x = produce(); pend().await; pend().await; use_u64(x);
    let y = produce(); pend().await; pend().await; use_u64(y);
    let z = produce(); pend().await; pend().await; use_u64(z);
}
async fn never_meet_big() {
    { let a = [1u8; 2048]; consume(&a); pend().await; pend().await; consume(&a); }
    { let b = [2u8; 2048]; consume(&b); pend().await; pend().await; consume(&b); }
    { let c = [3u8; 2048]; consume(&c); pend().await; pend().await; consume(&c); }
}
async fn small_cb() { let x = produce(); pend().await; use_u64(x); }
async fn nest_seq() { small_cb().await; p7_leaf().await; small_cb().await; }
async fn nest_live() {
    let r = fetch(1).await;
    p7_leaf().await;
    use_u64(r);
}
async fn ret_await(x: u64) -> u64 { return fetch(x).await; }
async fn callee_branches(k: i32) -> u64 {
    let r;
    if k == 0 { r = fetch(7).await; }
    else if k == 1 { p7_leaf().await; r = 1; }
    else { never_meet_big().await; r = 2; }
    r
}

macro_rules! m { ($name:ident ( $($a:expr),* )) => {
    println!("{}\t{}", stringify!($name), size_of_val(&$name($($a),*)));
} }

fn main() {
    let c = black_box(true);
    let n = black_box(3i32);
    m!(p0_empty()); m!(p1_arg([0; 4096])); m!(p2_branches(c)); m!(p3_seq());
    m!(p4_prefix()); m!(p5_borrowed()); m!(p5_scoped()); m!(p6_scalars()); m!(p6_flat());
    m!(p7_leaf()); m!(p7_nest1()); m!(p7_nest2()); m!(p7_nest3()); m!(p8_align(c));
    m!(loop_buf(n)); m!(fetch(1)); m!(loop_accum(n)); m!(do_while(n)); m!(switch_cases(n));
    m!(goto_retry(n)); m!(mixed_align()); m!(arr_live()); m!(arr_dead()); m!(big_first());
    m!(never_meet()); m!(never_meet_big()); m!(small_cb()); m!(nest_seq()); m!(nest_live());
    m!(ret_await(1)); m!(callee_branches(n));
}
