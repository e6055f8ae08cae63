"""Writes a Word-style document with python-docx (its default template comes from Word):
built-in styles (Title, Heading n, List Bullet/List Number via style numbering, Quote,
Intense Quote, Caption), direct and style formatting, a table, core properties."""
import datetime, sys
import docx

d = docx.Document()
cp = d.core_properties
cp.title = "Báo cáo tổng kết năm 2023"
cp.author = "Vũ Thị Hoa; Đỗ Văn Khánh"
cp.keywords = "tổng kết, kế hoạch; 2024"
cp.subject = "Kế hoạch"
cp.comments = "Báo cáo tổng kết công tác năm 2023 và phương hướng năm 2024."
cp.language = "vi-VN"
cp.identifier = "https://example.gov.vn/bao-cao-2023"
cp.created = datetime.datetime(2024, 1, 5, 8, 30, 0)
cp.modified = datetime.datetime(2024, 1, 5, 8, 30, 0)
cp.last_modified_by = ""
d.add_paragraph("Báo cáo tổng kết năm 2023", style="Title")
d.add_heading("I. Kết quả đạt được", level=1)
p = d.add_paragraph("Năm 2023, đơn vị đã hoàn thành ")
p.add_run("vượt mức").bold = True
p.add_run(" các chỉ tiêu, trong đó ")
r = p.add_run("chỉ tiêu thu ngân sách")
r.italic = True
p.add_run(" đạt 105%.\tTab giữa dòng.")
d.add_heading("Chỉ tiêu chính", level=2)
for t in ["Thu ngân sách", "Giải ngân đầu tư công"]:
    d.add_paragraph(t, style="List Bullet")
for t in ["Bước một", "Bước hai"]:
    d.add_paragraph(t, style="List Number")
d.add_paragraph("Đoàn kết, kỷ cương, sáng tạo.", style="Quote")
t = d.add_table(rows=2, cols=2)
t.rows[0].cells[0].text = "Chỉ tiêu"
t.rows[0].cells[1].text = "Kết quả"
t.rows[1].cells[0].text = "Thu ngân sách"
t.rows[1].cells[1].text = "105%"
d.add_paragraph("Bảng 1: Kết quả năm 2023", style="Caption")
d.add_heading("II. Phương hướng", level=1)
q = d.add_paragraph("Tiếp tục ")
q.add_run("đẩy mạnh").bold = False
q.add_run(" cải cách hành chính.")
d.save(sys.argv[1])
