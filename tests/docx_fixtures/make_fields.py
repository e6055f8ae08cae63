"""Writes word-fields.docx: WordprocessingML as Word itself writes it and the other
fixtures do not show: HYPERLINK complex fields (url, \\l anchor, \\o tooltip), a field
that is not a link (PAGE), a picture inside mc:AlternateContent, outline levels set
on the paragraph, a style chain (a custom style based on Heading 2), character styles
(Strong, Emphasis), w:b w:val="0", revisions (w:ins kept, w:del dropped), a content
control (w:sdt), vertical merges and a header row in a table, a Title paragraph
without dc:title. Standard library only."""
import sys
import zipfile

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def run(text, props=""):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        "<w:rPr>%s</w:rPr>" % props if props else "", text)


def field(instr, result):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">%s'
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (instr, result))


def para(inner, style=None, ppr=""):
    st = '<w:pStyle w:val="%s"/>' % style if style else ""
    return "<w:p><w:pPr>%s%s</w:pPr>%s</w:p>" % (st, ppr, inner)


drawing = ('<w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1" '
           'descr="Ảnh hiện trường vụ việc"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/'
           'drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic>'
           '</a:graphicData></a:graphic></wp:inline></w:drawing>')
body = "".join([
    para(run("Tiêu đề chỉ có trong thân bài"), "Title"),
    para(run("Đoạn mở đầu với ") + field(' HYPERLINK "https://example.gov.vn/van-ban" \\o "Văn bản" ',
                                         run("liên kết trường", "<w:rStyle w:val=\"Hyperlink\"/>"))
         + run(", liên kết neo ") + field('HYPERLINK \\l "muc-2"', run("mục 2")) + run(", trang ")
         + field(" PAGE ", run("1")) + run(".")),
    para(run("Mục có mức dàn ý"), None, '<w:outlineLvl w:val="1"/>'),
    para(run("Tiêu đề theo chuỗi kiểu"), "MyHeading"),
    para(run("Nhấn mạnh", '<w:rStyle w:val="Strong"/>') + run(" và ") + run("nghiêng", '<w:rStyle w:val="Emphasis"/>')
         + run(" và không đậm", "<w:b w:val=\"0\"/>") + '<w:ins w:id="1" w:author="A">' + run(" chèn") + "</w:ins>"
         + '<w:del w:id="2" w:author="A"><w:r><w:delText>xóa</w:delText></w:r></w:del>' + run(".")),
    para('<w:r><mc:AlternateContent><mc:Choice Requires="wps">%s</mc:Choice><mc:Fallback><w:pict/></mc:Fallback>'
         '</mc:AlternateContent></w:r>' % drawing),
    para(run("Hình 1: Hiện trường"), "Caption"),
    '<w:sdt><w:sdtPr/><w:sdtContent>%s</w:sdtContent></w:sdt>' % para(run("Đoạn trong điều khiển nội dung")),
    '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>'
    '<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p>%s</w:p></w:tc><w:tc><w:p>%s</w:p></w:tc></w:tr>'
    '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p>%s</w:p></w:tc><w:tc><w:p>%s</w:p><w:p>%s</w:p></w:tc></w:tr>'
    '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p>%s</w:p></w:tc></w:tr></w:tbl>'
    % (run("Cột A"), run("Cột B"), run("gộp"), run("dòng 1"), run("dòng 2"), run("ô")),
])
document = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (W, body)
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="Tiêu đề riêng"/><w:basedOn w:val="Heading2"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>'
          '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
          '<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>'
          '</w:styles>' % W)
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>'
        '</Relationships>')
pkg_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Hoàng Lan</dc:creator>'
        '<cp:keywords>thời sự; pháp luật</cp:keywords></cp:coreProperties>')
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", pkg_rels), ("docProps/core.xml", core),
                       ("word/document.xml", document), ("word/_rels/document.xml.rels", rels),
                       ("word/styles.xml", styles), ("word/media/image1.png", b"\x89PNG\r\n\x1a\n")]:
        info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
