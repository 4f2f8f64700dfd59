// 300 awaits in one function: more than 255 states, so the state
// discriminant needs more than one byte; every await's result is used.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int f(int x) {
  if (x % 50 == 0)
    await(ca_yield());
  return x * 7 % 1000;
}

async long many(int base) {
  long acc = base;
  acc = acc * 3 % 1000003;
  acc += await(f(0 + base));
  acc += await(f((int)(acc % 997) + 1));
  {
    int t2 = await(f(2));
    acc ^= t2;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(3 + base));
  acc += await(f((int)(acc % 997) + 4));
  {
    int t5 = await(f(5));
    acc ^= t5;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(6 + base));
  acc += await(f((int)(acc % 997) + 7));
  {
    int t8 = await(f(8));
    acc ^= t8;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(9 + base));
  acc += await(f((int)(acc % 997) + 10));
  {
    int t11 = await(f(11));
    acc ^= t11;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(12 + base));
  acc += await(f((int)(acc % 997) + 13));
  {
    int t14 = await(f(14));
    acc ^= t14;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(15 + base));
  acc += await(f((int)(acc % 997) + 16));
  {
    int t17 = await(f(17));
    acc ^= t17;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(18 + base));
  acc += await(f((int)(acc % 997) + 19));
  {
    int t20 = await(f(20));
    acc ^= t20;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(21 + base));
  acc += await(f((int)(acc % 997) + 22));
  {
    int t23 = await(f(23));
    acc ^= t23;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(24 + base));
  acc += await(f((int)(acc % 997) + 25));
  {
    int t26 = await(f(26));
    acc ^= t26;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(27 + base));
  acc += await(f((int)(acc % 997) + 28));
  {
    int t29 = await(f(29));
    acc ^= t29;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(30 + base));
  acc += await(f((int)(acc % 997) + 31));
  {
    int t32 = await(f(32));
    acc ^= t32;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(33 + base));
  acc += await(f((int)(acc % 997) + 34));
  {
    int t35 = await(f(35));
    acc ^= t35;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(36 + base));
  acc += await(f((int)(acc % 997) + 37));
  {
    int t38 = await(f(38));
    acc ^= t38;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(39 + base));
  acc += await(f((int)(acc % 997) + 40));
  {
    int t41 = await(f(41));
    acc ^= t41;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(42 + base));
  acc += await(f((int)(acc % 997) + 43));
  {
    int t44 = await(f(44));
    acc ^= t44;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(45 + base));
  acc += await(f((int)(acc % 997) + 46));
  {
    int t47 = await(f(47));
    acc ^= t47;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(48 + base));
  acc += await(f((int)(acc % 997) + 49));
  {
    int t50 = await(f(50));
    acc ^= t50;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(51 + base));
  acc += await(f((int)(acc % 997) + 52));
  {
    int t53 = await(f(53));
    acc ^= t53;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(54 + base));
  acc += await(f((int)(acc % 997) + 55));
  {
    int t56 = await(f(56));
    acc ^= t56;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(57 + base));
  acc += await(f((int)(acc % 997) + 58));
  {
    int t59 = await(f(59));
    acc ^= t59;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(60 + base));
  acc += await(f((int)(acc % 997) + 61));
  {
    int t62 = await(f(62));
    acc ^= t62;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(63 + base));
  acc += await(f((int)(acc % 997) + 64));
  {
    int t65 = await(f(65));
    acc ^= t65;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(66 + base));
  acc += await(f((int)(acc % 997) + 67));
  {
    int t68 = await(f(68));
    acc ^= t68;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(69 + base));
  acc += await(f((int)(acc % 997) + 70));
  {
    int t71 = await(f(71));
    acc ^= t71;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(72 + base));
  acc += await(f((int)(acc % 997) + 73));
  {
    int t74 = await(f(74));
    acc ^= t74;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(75 + base));
  acc += await(f((int)(acc % 997) + 76));
  {
    int t77 = await(f(77));
    acc ^= t77;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(78 + base));
  acc += await(f((int)(acc % 997) + 79));
  {
    int t80 = await(f(80));
    acc ^= t80;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(81 + base));
  acc += await(f((int)(acc % 997) + 82));
  {
    int t83 = await(f(83));
    acc ^= t83;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(84 + base));
  acc += await(f((int)(acc % 997) + 85));
  {
    int t86 = await(f(86));
    acc ^= t86;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(87 + base));
  acc += await(f((int)(acc % 997) + 88));
  {
    int t89 = await(f(89));
    acc ^= t89;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(90 + base));
  acc += await(f((int)(acc % 997) + 91));
  {
    int t92 = await(f(92));
    acc ^= t92;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(93 + base));
  acc += await(f((int)(acc % 997) + 94));
  {
    int t95 = await(f(95));
    acc ^= t95;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(96 + base));
  acc += await(f((int)(acc % 997) + 97));
  {
    int t98 = await(f(98));
    acc ^= t98;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(99 + base));
  acc += await(f((int)(acc % 997) + 100));
  {
    int t101 = await(f(101));
    acc ^= t101;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(102 + base));
  acc += await(f((int)(acc % 997) + 103));
  {
    int t104 = await(f(104));
    acc ^= t104;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(105 + base));
  acc += await(f((int)(acc % 997) + 106));
  {
    int t107 = await(f(107));
    acc ^= t107;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(108 + base));
  acc += await(f((int)(acc % 997) + 109));
  {
    int t110 = await(f(110));
    acc ^= t110;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(111 + base));
  acc += await(f((int)(acc % 997) + 112));
  {
    int t113 = await(f(113));
    acc ^= t113;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(114 + base));
  acc += await(f((int)(acc % 997) + 115));
  {
    int t116 = await(f(116));
    acc ^= t116;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(117 + base));
  acc += await(f((int)(acc % 997) + 118));
  {
    int t119 = await(f(119));
    acc ^= t119;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(120 + base));
  acc += await(f((int)(acc % 997) + 121));
  {
    int t122 = await(f(122));
    acc ^= t122;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(123 + base));
  acc += await(f((int)(acc % 997) + 124));
  {
    int t125 = await(f(125));
    acc ^= t125;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(126 + base));
  acc += await(f((int)(acc % 997) + 127));
  {
    int t128 = await(f(128));
    acc ^= t128;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(129 + base));
  acc += await(f((int)(acc % 997) + 130));
  {
    int t131 = await(f(131));
    acc ^= t131;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(132 + base));
  acc += await(f((int)(acc % 997) + 133));
  {
    int t134 = await(f(134));
    acc ^= t134;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(135 + base));
  acc += await(f((int)(acc % 997) + 136));
  {
    int t137 = await(f(137));
    acc ^= t137;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(138 + base));
  acc += await(f((int)(acc % 997) + 139));
  {
    int t140 = await(f(140));
    acc ^= t140;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(141 + base));
  acc += await(f((int)(acc % 997) + 142));
  {
    int t143 = await(f(143));
    acc ^= t143;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(144 + base));
  acc += await(f((int)(acc % 997) + 145));
  {
    int t146 = await(f(146));
    acc ^= t146;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(147 + base));
  acc += await(f((int)(acc % 997) + 148));
  {
    int t149 = await(f(149));
    acc ^= t149;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(150 + base));
  acc += await(f((int)(acc % 997) + 151));
  {
    int t152 = await(f(152));
    acc ^= t152;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(153 + base));
  acc += await(f((int)(acc % 997) + 154));
  {
    int t155 = await(f(155));
    acc ^= t155;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(156 + base));
  acc += await(f((int)(acc % 997) + 157));
  {
    int t158 = await(f(158));
    acc ^= t158;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(159 + base));
  acc += await(f((int)(acc % 997) + 160));
  {
    int t161 = await(f(161));
    acc ^= t161;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(162 + base));
  acc += await(f((int)(acc % 997) + 163));
  {
    int t164 = await(f(164));
    acc ^= t164;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(165 + base));
  acc += await(f((int)(acc % 997) + 166));
  {
    int t167 = await(f(167));
    acc ^= t167;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(168 + base));
  acc += await(f((int)(acc % 997) + 169));
  {
    int t170 = await(f(170));
    acc ^= t170;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(171 + base));
  acc += await(f((int)(acc % 997) + 172));
  {
    int t173 = await(f(173));
    acc ^= t173;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(174 + base));
  acc += await(f((int)(acc % 997) + 175));
  {
    int t176 = await(f(176));
    acc ^= t176;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(177 + base));
  acc += await(f((int)(acc % 997) + 178));
  {
    int t179 = await(f(179));
    acc ^= t179;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(180 + base));
  acc += await(f((int)(acc % 997) + 181));
  {
    int t182 = await(f(182));
    acc ^= t182;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(183 + base));
  acc += await(f((int)(acc % 997) + 184));
  {
    int t185 = await(f(185));
    acc ^= t185;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(186 + base));
  acc += await(f((int)(acc % 997) + 187));
  {
    int t188 = await(f(188));
    acc ^= t188;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(189 + base));
  acc += await(f((int)(acc % 997) + 190));
  {
    int t191 = await(f(191));
    acc ^= t191;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(192 + base));
  acc += await(f((int)(acc % 997) + 193));
  {
    int t194 = await(f(194));
    acc ^= t194;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(195 + base));
  acc += await(f((int)(acc % 997) + 196));
  {
    int t197 = await(f(197));
    acc ^= t197;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(198 + base));
  acc += await(f((int)(acc % 997) + 199));
  {
    int t200 = await(f(200));
    acc ^= t200;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(201 + base));
  acc += await(f((int)(acc % 997) + 202));
  {
    int t203 = await(f(203));
    acc ^= t203;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(204 + base));
  acc += await(f((int)(acc % 997) + 205));
  {
    int t206 = await(f(206));
    acc ^= t206;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(207 + base));
  acc += await(f((int)(acc % 997) + 208));
  {
    int t209 = await(f(209));
    acc ^= t209;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(210 + base));
  acc += await(f((int)(acc % 997) + 211));
  {
    int t212 = await(f(212));
    acc ^= t212;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(213 + base));
  acc += await(f((int)(acc % 997) + 214));
  {
    int t215 = await(f(215));
    acc ^= t215;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(216 + base));
  acc += await(f((int)(acc % 997) + 217));
  {
    int t218 = await(f(218));
    acc ^= t218;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(219 + base));
  acc += await(f((int)(acc % 997) + 220));
  {
    int t221 = await(f(221));
    acc ^= t221;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(222 + base));
  acc += await(f((int)(acc % 997) + 223));
  {
    int t224 = await(f(224));
    acc ^= t224;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(225 + base));
  acc += await(f((int)(acc % 997) + 226));
  {
    int t227 = await(f(227));
    acc ^= t227;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(228 + base));
  acc += await(f((int)(acc % 997) + 229));
  {
    int t230 = await(f(230));
    acc ^= t230;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(231 + base));
  acc += await(f((int)(acc % 997) + 232));
  {
    int t233 = await(f(233));
    acc ^= t233;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(234 + base));
  acc += await(f((int)(acc % 997) + 235));
  {
    int t236 = await(f(236));
    acc ^= t236;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(237 + base));
  acc += await(f((int)(acc % 997) + 238));
  {
    int t239 = await(f(239));
    acc ^= t239;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(240 + base));
  acc += await(f((int)(acc % 997) + 241));
  {
    int t242 = await(f(242));
    acc ^= t242;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(243 + base));
  acc += await(f((int)(acc % 997) + 244));
  {
    int t245 = await(f(245));
    acc ^= t245;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(246 + base));
  acc += await(f((int)(acc % 997) + 247));
  {
    int t248 = await(f(248));
    acc ^= t248;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(249 + base));
  acc += await(f((int)(acc % 997) + 250));
  {
    int t251 = await(f(251));
    acc ^= t251;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(252 + base));
  acc += await(f((int)(acc % 997) + 253));
  {
    int t254 = await(f(254));
    acc ^= t254;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(255 + base));
  acc += await(f((int)(acc % 997) + 256));
  {
    int t257 = await(f(257));
    acc ^= t257;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(258 + base));
  acc += await(f((int)(acc % 997) + 259));
  {
    int t260 = await(f(260));
    acc ^= t260;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(261 + base));
  acc += await(f((int)(acc % 997) + 262));
  {
    int t263 = await(f(263));
    acc ^= t263;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(264 + base));
  acc += await(f((int)(acc % 997) + 265));
  {
    int t266 = await(f(266));
    acc ^= t266;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(267 + base));
  acc += await(f((int)(acc % 997) + 268));
  {
    int t269 = await(f(269));
    acc ^= t269;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(270 + base));
  acc += await(f((int)(acc % 997) + 271));
  {
    int t272 = await(f(272));
    acc ^= t272;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(273 + base));
  acc += await(f((int)(acc % 997) + 274));
  {
    int t275 = await(f(275));
    acc ^= t275;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(276 + base));
  acc += await(f((int)(acc % 997) + 277));
  {
    int t278 = await(f(278));
    acc ^= t278;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(279 + base));
  acc += await(f((int)(acc % 997) + 280));
  {
    int t281 = await(f(281));
    acc ^= t281;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(282 + base));
  acc += await(f((int)(acc % 997) + 283));
  {
    int t284 = await(f(284));
    acc ^= t284;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(285 + base));
  acc += await(f((int)(acc % 997) + 286));
  {
    int t287 = await(f(287));
    acc ^= t287;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(288 + base));
  acc += await(f((int)(acc % 997) + 289));
  {
    int t290 = await(f(290));
    acc ^= t290;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(291 + base));
  acc += await(f((int)(acc % 997) + 292));
  {
    int t293 = await(f(293));
    acc ^= t293;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(294 + base));
  acc += await(f((int)(acc % 997) + 295));
  {
    int t296 = await(f(296));
    acc ^= t296;
  }
  acc = acc * 3 % 1000003;
  acc += await(f(297 + base));
  acc += await(f((int)(acc % 997) + 298));
  {
    int t299 = await(f(299));
    acc ^= t299;
  }
  return acc;
}

int main(void) {
  printf("a=%ld\n", ca_block_on(many(1)));
  printf("b=%ld\n", ca_block_on(many(12345)));
  return 0;
}
// CHECK: a=774044
// CHECK-NEXT: b=654364
// CHECK-NEXT: exit=0
