#!/usr/bin/env python3
"""Generate the small DOCX fixtures under fixtures/docx/ (and, with --hostile
DIR, the large hostile ones that are not committed).

    python3 tools/make-docx-fixtures.py fixtures/docx
    python3 tools/make-docx-fixtures.py --hostile /tmp/hostile

Every text-bearing place of issue 5 carries a marker word (ALPHA01, ...), so
a test can check that anon-read finds each and anon-write replaces each.
The names are invented; output is deterministic (fixed zip timestamps).
"""
import os
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT_W = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def zwrite(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def content_types(overrides, extra_defaults=""):
    s = (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         'content-types"><Default Extension="rels" ContentType="application/'
         'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
         '"xml" ContentType="application/xml"/><Default Extension="png" '
         'ContentType="image/png"/>' + extra_defaults)
    for part, ct in overrides:
        s += '<Override PartName="/%s" ContentType="%s"/>' % (part, ct)
    return s + "</Types>"


def rels(items, rtype_base=R):
    s = DECL + '<Relationships xmlns="%s">' % PR
    for rid, typ, target, ext in items:
        s += '<Relationship Id="%s" Type="%s/%s" Target="%s"%s/>' % (
            rid, rtype_base, typ, target, ' TargetMode="External"' if ext else "")
    return s + "</Relationships>"


def wdoc(root, body, ns=W, extra_ns=""):
    return (DECL + '<w:%s xmlns:w="%s" xmlns:r="%s" %s>%s</w:%s>'
            % (root, ns, R if ns == W else RS, extra_ns, body, root))


def para(text, rpr=""):
    return '<w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (rpr, text)


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3d1a4"
    "0000000049454e44ae426082")

EXTRA_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
            'wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/'
            'drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/'
            'drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
            '2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape" mc:Ignorable=""')


def features(ns=W, main="word/document.xml"):
    """Every text-bearing place, each with its own marker."""
    body = "".join([
        # A name split over runs, proofErr and a bookmark in the middle.
        '<w:p w:rsidR="00A1B2C3"><w:r w:rsidRPr="00112233"><w:t xml:space='
        '"preserve">Seen by Kay</w:t></w:r><w:proofErr w:type="spellStart"/>'
        '<w:bookmarkStart w:id="0" w:name="mark"/><w:r><w:rPr><w:b/></w:rPr>'
        '<w:t>den</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type='
        '"spellEnd"/><w:r><w:t xml:space="preserve"> ALPHA01 today.</w:t>'
        '</w:r></w:p>',
        # Table with a nested table.
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>BRAVO02 cell</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>CHARLIE03 nested</w:t></w:r>'
        '</w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>'
        '<w:tr><w:trPr><w:del w:id="90" w:author="Row Deleter" w:date='
        '"2020-01-01T00:00:00Z"/></w:trPr><w:tc><w:p><w:r><w:t>ROWDEL04'
        '</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
        # Content control.
        '<w:sdt><w:sdtPr><w:alias w:val="Child"/></w:sdtPr><w:sdtContent>'
        '<w:p><w:r><w:t>DELTA05 in a control</w:t></w:r></w:p></w:sdtContent>'
        '</w:sdt>',
        # Tracked insertion and deletion, comment anchor.
        '<w:p><w:commentRangeStart w:id="1"/><w:ins w:id="2" w:author='
        '"Insa Author" w:initials="IA" w:date="2020-01-01T00:00:00Z"><w:r>'
        '<w:t xml:space="preserve">ECHO06 inserted </w:t></w:r></w:ins>'
        '<w:del w:id="3" w:author="Dela Author" w:date="2020-01-01T00:00:00Z">'
        '<w:r><w:delText>FOXTROT07 deleted</w:delText></w:r></w:del>'
        '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/>'
        '</w:r></w:p>',
        # Hidden text.
        '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>GOLF08 hidden</w:t></w:r>'
        '</w:p>',
        # Field code with a mailto hyperlink, and a simple field.
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText'
        ' xml:space="preserve"> HYPERLINK "mailto:hotel09@example.org" </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>'
        'mail</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DOCPROPERTY INDIA10 "><w:r><w:t>x</w:t></w:r>'
        '</w:fldSimple></w:p>',
        # Hyperlink whose target lives in the rels.
        '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>link</w:t></w:r>'
        '</w:hyperlink></w:p>',
        # Picture with alt text.
        '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" '
        'descr="JULIET11 at the park" title="KILO12"/><a:graphic><a:graphicData'
        ' uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="p.png"/><pic:cNvPicPr/>'
        '</pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill>'
        '<pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline>'
        '</w:drawing></w:r></w:p>',
        # VML text box and a DrawingML one, in mc:AlternateContent.
        '<w:p><w:r><w:pict><v:shape alt="LIMA13"><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>MIKE14 in a VML box</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></w:r></w:p>',
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor><wp:docPr id="2" name="Box"/><a:graphic><a:graphicData '
        'uri="x"><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>NOVEMBER15 '
        'in a shape</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
        '<w:t>NOVEMBER15 in a shape</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'
        '</w:r></w:p>',
        # Formatting changes, footnote and endnote references.
        '<w:p><w:pPr><w:pPrChange w:id="5" w:author="Fmt Author"><w:pPr/>'
        '</w:pPrChange></w:pPr><w:r><w:rPr><w:i/><w:rPrChange w:id="6" '
        'w:author="Fmt Author"><w:rPr/></w:rPrChange></w:rPr><w:t>Tail</w:t>'
        '</w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r>'
        '<w:endnoteReference w:id="1"/></w:r></w:p>',
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/>'
        '<w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>',
    ])
    pfx = main.rsplit("/", 1)[0] + "/"
    mname = main.rsplit("/", 1)[1]
    b = R if ns == W else RS
    files = [
        ("[Content_Types].xml", content_types([
            (main, CT_W + "document.main+xml"),
            (pfx + "header1.xml", CT_W + "header+xml"),
            (pfx + "footer1.xml", CT_W + "footer+xml"),
            (pfx + "footnotes.xml", CT_W + "footnotes+xml"),
            (pfx + "endnotes.xml", CT_W + "endnotes+xml"),
            (pfx + "comments.xml", CT_W + "comments+xml"),
            (pfx + "people.xml", CT_W + "people+xml"),
            (pfx + "settings.xml", CT_W + "settings+xml"),
            (pfx + "glossary/document.xml", CT_W + "document.glossary+xml"),
            ("docProps/core.xml",
             "application/vnd.openxmlformats-package.core-properties+xml"),
            ("docProps/app.xml", "application/vnd.openxmlformats-"
             "officedocument.extended-properties+xml"),
            ("docProps/custom.xml", "application/vnd.openxmlformats-"
             "officedocument.custom-properties+xml")])),
        ("_rels/.rels", rels([
            ("rId1", "officeDocument", main, False),
            ("rId2", "metadata/core-properties", "docProps/core.xml", False),
            ("rId3", "extended-properties", "docProps/app.xml", False),
            ("rId4", "custom-properties", "docProps/custom.xml", False)],
            b).replace(b + "/metadata/core-properties",
                       "http://schemas.openxmlformats.org/package/2006/"
                       "relationships/metadata/core-properties")),
        (main, wdoc("document", "<w:body>%s</w:body>" % body, ns, EXTRA_NS)),
        (pfx + "_rels/%s.rels" % mname, rels([
            ("rIdH", "header", "header1.xml", False),
            ("rIdF", "footer", "footer1.xml", False),
            ("rIdFn", "footnotes", "footnotes.xml", False),
            ("rIdEn", "endnotes", "endnotes.xml", False),
            ("rIdC", "comments", "comments.xml", False),
            ("rIdP", "people", "people.xml", False),
            ("rIdS", "settings", "settings.xml", False),
            ("rIdG", "glossaryDocument", "glossary/document.xml", False),
            ("rIdImg", "image", "media/image1.png", False),
            ("rIdLink", "hyperlink", "http://example.org/OSCAR16", True),
            ("rIdX", "customXml", "../customXml/item1.xml", False)], b)),
        (pfx + "header1.xml", wdoc("hdr", para("PAPA17 header"), ns)),
        (pfx + "footer1.xml", wdoc("ftr", para("QUEBEC18 footer"), ns)),
        (pfx + "footnotes.xml", wdoc("footnotes", '<w:footnote w:id="1">%s'
                                     '</w:footnote>' % para("ROMEO19 note"),
                                     ns)),
        (pfx + "endnotes.xml", wdoc("endnotes", '<w:endnote w:id="1">%s'
                                    '</w:endnote>' % para("SIERRA20 end"), ns)),
        (pfx + "comments.xml", wdoc("comments", '<w:comment w:id="1" '
                                    'w:author="Comm Author" w:initials="CA">%s'
                                    '</w:comment>' % para("TANGO21 comment"),
                                    ns)),
        (pfx + "people.xml", DECL + '<w15:people xmlns:w15="http://schemas.'
         'microsoft.com/office/word/2012/wordml"><w15:person w15:author='
         '"Comm Author"><w15:presenceInfo w15:providerId="AD" w15:userId='
         '"comm.author@example.org"/></w15:person></w15:people>'),
        (pfx + "settings.xml", wdoc("settings", '<w:docVars><w:docVar '
                                    'w:name="v" w:val="UNIFORM22"/>'
                                    '</w:docVars><w:rsids><w:rsidRoot '
                                    'w:val="00A1B2C3"/></w:rsids>', ns)),
        (pfx + "glossary/document.xml", wdoc(
            "glossaryDocument", "<w:docParts><w:docPart><w:docPartBody>%s"
            "</w:docPartBody></w:docPart></w:docParts>"
            % para("VICTOR23 glossary"), ns)),
        (pfx + "media/image1.png", PNG),
        ("customXml/item1.xml", DECL + "<data><child>WHISKEY24 bound"
         "</child></data>"),
        ("docProps/core.xml", DECL + '<cp:coreProperties xmlns:cp="http://'
         'schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>XRAY25 title'
         '</dc:title><dc:creator>Core Creator</dc:creator><cp:lastModifiedBy>'
         'Core Modifier</cp:lastModifiedBy></cp:coreProperties>'),
        ("docProps/app.xml", DECL + '<Properties xmlns="http://schemas.'
         'openxmlformats.org/officeDocument/2006/extended-properties"><Company>'
         'YANKEE26 Council</Company><Manager>Man Ager</Manager><Pages>1</Pages>'
         '</Properties>'),
        ("docProps/custom.xml", DECL + '<Properties xmlns="http://schemas.'
         'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt='
         '"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
         '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
         'name="Child"><vt:lpwstr>ZULU27 custom</vt:lpwstr></property>'
         '</Properties>'),
    ]
    return files


def simple(body_xml, extra=()):
    return [
        ("[Content_Types].xml", content_types(
            [("word/document.xml", CT_W + "document.main+xml")] +
            [(n, ct) for n, ct, _ in extra])),
        ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml",
                               False)])),
        ("word/document.xml", body_xml),
    ] + [(n, d) for n, _, d in extra]


def write_small(d):
    os.makedirs(d, exist_ok=True)
    zwrite(os.path.join(d, "features.docx"), features())
    zwrite(os.path.join(d, "strict.docx"), features(WS))
    zwrite(os.path.join(d, "renamed-main.docx"),
           features(W, "word/main-part.xml"))
    # Refused: each must give exit 2, a message and no output.
    zwrite(os.path.join(d, "bad-xxe.docx"), simple(
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM '
        '"file:///etc/passwd">]><w:document xmlns:w="%s"><w:body><w:p><w:r>'
        '<w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W))
    zwrite(os.path.join(d, "bad-laughs.docx"), simple(
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "aaaaaaaa">'
        + "".join('<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">'
                  % ((chr(98 + i),) + (chr(97 + i),) * 8) for i in range(8))
        + ']><w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&i;</w:t>'
        '</w:r></w:p></w:body></w:document>' % W))
    zwrite(os.path.join(d, "bad-deep.docx"), simple(
        DECL + '<w:document xmlns:w="%s"><w:body>' % W + "<w:sdt>" * 10000
        + "</w:sdt>" * 10000 + "</w:body></w:document>"))
    zwrite(os.path.join(d, "bad-notwellformed.docx"), simple(
        DECL + '<w:document xmlns:w="%s"><w:body><w:p></w:body>' % W))
    zwrite(os.path.join(d, "bad-ole.docx"), simple(
        wdoc("document", "<w:body>%s</w:body>" % para("text")),
        [("word/embeddings/oleObject1.bin", CT_W.replace(
            "wordprocessingml.", "oleObject"), b"\xd0\xcf\x11\xe0" * 8)]))
    zwrite(os.path.join(d, "bad-nomain.docx"), [
        ("[Content_Types].xml", content_types([])),
        ("_rels/.rels", rels([]))])
    # An entry whose Unicode Path field names word/document.xml.
    import struct, zlib
    up = b"word/document.xml"
    extra = struct.pack("<HHBI", 0x7075, 5 + len(up), 1,
                        zlib.crc32(b"other.png")) + up
    files = simple(wdoc("document", "<w:body>%s</w:body>" % para("text")))
    with zipfile.ZipFile(os.path.join(d, "bad-unicode-path.docx"), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
        info = zipfile.ZipInfo("other.png", (1980, 1, 1, 0, 0, 0))
        info.extra = extra
        z.writestr(info, wdoc("document", "<w:body>%s</w:body>"
                              % para("hidden")))
    with open(os.path.join(d, "features.docx"), "rb") as f:
        data = f.read()
    with open(os.path.join(d, "bad-truncated.docx"), "wb") as f:
        f.write(data[:len(data) // 2])
    with open(os.path.join(d, "bad-doc.docx"), "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with open(os.path.join(d, "bad-pdf.docx"), "wb") as f:
        f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n")


def write_hostile(d):
    os.makedirs(d, exist_ok=True)
    body = wdoc("document", "<w:body>%s</w:body>" % para("text"))
    # Zip bomb: 64 MiB of zeros (ratio about 1000).
    zwrite(os.path.join(d, "bomb.docx"), simple(body, [
        ("word/media/zeros.png", "image/png", b"\0" * (64 << 20))]))
    # 100,000 entries.
    files = simple(body) + [("x/%06d.png" % i, b"") for i in range(100000)]
    zwrite(os.path.join(d, "entries.docx"), files)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--hostile":
        write_hostile(sys.argv[2])
    elif len(sys.argv) == 2:
        write_small(sys.argv[1])
    else:
        sys.exit("usage: make-docx-fixtures.py DIR | --hostile DIR")


if __name__ == "__main__":
    main()
